package cn.league.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.league.contracts.member.IdNumberCheckCharacter;

/**
 * Valid ID numbers (GB 11643 check character) of people born in 杭州市西湖区 (or another region) on a given day, for
 * entering people.
 */
final class IdNumbers {

    private IdNumbers() {
    }

    /** The ID number with this birth date and sequence number (0–999). */
    static String of(LocalDate birthDate, int sequence) {
        return of("330106", birthDate, sequence);
    }

    /** The ID number of someone born in another region (a GB/T 2260 code) with this birth date and sequence number. */
    static String of(String region, LocalDate birthDate, int sequence) {
        return IdNumberCheckCharacter.complete(
                region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence));
    }

    /** The first ID number from {@code sequence} on whose check character is X. */
    static String endingInX(LocalDate birthDate, int sequence) {
        for (int next = sequence; next < 1000; next++) {
            String candidate = of(birthDate, next);
            if (candidate.endsWith("X")) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no ID ending in X from sequence " + sequence);
    }
}
