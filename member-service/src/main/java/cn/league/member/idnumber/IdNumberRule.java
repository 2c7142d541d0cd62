package cn.league.member.idnumber;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.league.contracts.member.IdNumberCheckCharacter;

/**
 * R-ID-4: before anything is sent or stored, an ID number is checked locally — 18 characters,
 * a real birth date, a known GB/T 2260 region code, the GB 11643 (ISO 7064 MOD 11-2) check digit.
 * Runs on every write path, the bulk import included, so it parses by hand, throws nothing on
 * {@link #check} and allocates only the {@link IdNumber} it returns. Thread-safe.
 * {@link #require} is the throwing variant for single-entry endpoints ({@code ProblemException}, 422).
 */
public final class IdNumberRule {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final int LENGTH = 18;
    private static final int EARLIEST_BIRTH_YEAR = 1900;

    private final RegionCodes regions;
    private final Clock clock;
    private volatile Today today;

    public IdNumberRule(RegionCodes regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
        this.today = Today.of(clock);
    }

    /** The shipped region table, dates in China time. */
    public static IdNumberRule standard() {
        return new IdNumberRule(RegionCodes.gbt2260(), Clock.system(CHINA));
    }

    /** The parsed ID, or why it is refused; never throws. Blanks around the number are ignored. */
    public IdNumberCheck check(String raw) {
        if (raw == null) {
            return IdNumberFault.MISSING;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(raw.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return IdNumberFault.MISSING;
        }
        if (end - start != LENGTH) {
            return IdNumberFault.WRONG_LENGTH;
        }

        int sum = 0;
        int region = 0;
        int birth = 0;
        int genderDigit = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int digit = raw.charAt(start + i) - '0';
            if (digit < 0 || digit > 9) {
                return IdNumberFault.BAD_FORMAT;
            }
            sum += digit * IdNumberCheckCharacter.weight(i);
            if (i < 6) {
                region = region * 10 + digit;
            } else if (i < 14) {
                birth = birth * 10 + digit;
            } else if (i == 16) {
                genderDigit = digit;
            }
        }
        char last = raw.charAt(end - 1);
        boolean lowerX = last == 'x';
        if (lowerX) {
            last = 'X';
        } else if (last != 'X' && (last < '0' || last > '9')) {
            return IdNumberFault.BAD_FORMAT;
        }

        if (!regions.isKnown(region)) {
            return IdNumberFault.UNKNOWN_REGION;
        }
        int year = birth / 10_000;
        int month = birth / 100 % 100;
        int day = birth % 100;
        if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || birth > today().date()) {
            return IdNumberFault.BAD_BIRTH_DATE;
        }
        if (IdNumberCheckCharacter.ofWeightedSum(sum) != last) {
            return IdNumberFault.BAD_CHECK_DIGIT;
        }

        String value = start == 0 && end == raw.length() && !lowerX ? raw
                : lowerX ? raw.substring(start, end - 1) + 'X' : raw.substring(start, end);
        return new IdNumber(value, region, LocalDate.of(year, month, day),
                genderDigit % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    /** For single-entry endpoints: the parsed ID, or a 422 problem naming R-ID-4 with the reason. */
    public IdNumber require(String raw) {
        return switch (check(raw)) {
            case IdNumber idNumber -> idNumber;
            case IdNumberFault fault -> throw fault.toProblem();
        };
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    // Today as yyyymmdd, recomputed only when the clock leaves the day.
    private Today today() {
        Today current = today;
        long now = clock.millis();
        if (now >= current.endsAtMillis() || now < current.startsAtMillis()) {
            current = Today.of(clock);
            today = current;
        }
        return current;
    }

    private record Today(int date, long startsAtMillis, long endsAtMillis) {

        static Today of(Clock clock) {
            LocalDate date = LocalDate.now(clock);
            return new Today(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth(),
                    date.atStartOfDay(clock.getZone()).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
        }
    }
}
