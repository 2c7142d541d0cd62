package cn.league.seeder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Resident ID numbers (GB 11643): region (GB/T 2260), birth date, a 3-digit sequence (odd for men), check character. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    public static String of(String region, LocalDate birthDate, int sequence) {
        if (region.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region " + region + ", sequence " + sequence);
        }
        String body = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
        return body + checkCharacter(body);
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** 18 characters, 17 digits and the right check character. */
    public static boolean valid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return checkCharacter(id) == id.charAt(17);
    }

    public static LocalDate birthDate(String id) {
        return LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    }
}
