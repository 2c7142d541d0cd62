package cn.league.member.entry;

import java.time.LocalDate;
import java.util.List;

/**
 * R-MEM-4: age on the join date (入团时间), by when the person joined (FAQ 15):
 * from 2019-01-01 at least 14; in 2017–2018 at least 13; before 2017-01-01 at least 12.
 * Xinjiang (ID region 65 or an org under 团新疆维吾尔自治区委): at least 13 for every join from
 * 2017-01-01, and 12 before. "At least n" means n full years on the join date, the birthday counting
 * (see {@link AgeRule}). A join date after today or before the birth date is refused as such, and
 * then no join age is judged. No exceptions, nothing allocated. Thread-safe.
 */
public final class JoinAgeRule {

    public static final String RULE = "R-MEM-4";

    public static final EntryViolation BELOW_14_FROM_2019 = new EntryViolation("JOIN_AGE_TOO_YOUNG", RULE,
            "入团年龄不符合规定:2019年及之后入团的团员,入团年龄最低限制为14周岁");
    public static final EntryViolation BELOW_13_IN_2017_2018 = new EntryViolation("JOIN_AGE_TOO_YOUNG", RULE,
            "入团年龄不符合规定:2017、2018年入团的团员,入团年龄最低限制为13周岁");
    public static final EntryViolation BELOW_13_XINJIANG = new EntryViolation("JOIN_AGE_TOO_YOUNG", RULE,
            "入团年龄不符合规定:新疆地区2017年及之后入团的团员,入团年龄最低限制为13周岁");
    public static final EntryViolation BELOW_12_BEFORE_2017 = new EntryViolation("JOIN_AGE_TOO_YOUNG", RULE,
            "入团年龄不符合规定:2017年1月1日以前入团的团员,入团年龄最低限制为12周岁");
    public static final EntryViolation IN_FUTURE = new EntryViolation("JOIN_DATE_IN_FUTURE", RULE,
            "入团时间不能晚于当前日期");
    public static final EntryViolation BEFORE_BIRTH = new EntryViolation("JOIN_DATE_BEFORE_BIRTH", RULE,
            "入团时间不能早于出生日期");

    private static final int JANUARY_2017 = 2017_01_01;
    private static final int JANUARY_2019 = 2019_01_01;

    private JoinAgeRule() {
    }

    /**
     * The violation, or none. A null birth date (invalid ID) leaves only the future-date check;
     * a null join date (not filled in yet, R-MEM-6) leaves nothing to check.
     */
    public static List<EntryViolation> check(LocalDate birthDate, LocalDate joinDate, boolean xinjiang,
            LocalDate today) {
        if (joinDate == null) {
            return List.of();
        }
        int join = AgeRule.yyyymmdd(joinDate);
        if (join > AgeRule.yyyymmdd(today)) {
            return List.of(IN_FUTURE);
        }
        if (birthDate == null) {
            return List.of();
        }
        int birth = AgeRule.yyyymmdd(birthDate);
        if (join < birth) {
            return List.of(BEFORE_BIRTH);
        }
        Band band = Band.of(join, xinjiang);
        return AgeRule.age(birth, join) < band.minimumAge ? List.of(band.violation) : List.of();
    }

    private enum Band {
        BEFORE_2017(12, BELOW_12_BEFORE_2017),
        IN_2017_2018(13, BELOW_13_IN_2017_2018),
        FROM_2019(14, BELOW_14_FROM_2019),
        XINJIANG_FROM_2017(13, BELOW_13_XINJIANG);

        final int minimumAge;
        final EntryViolation violation;

        Band(int minimumAge, EntryViolation violation) {
            this.minimumAge = minimumAge;
            this.violation = violation;
        }

        static Band of(int join, boolean xinjiang) {
            if (join < JANUARY_2017) {
                return BEFORE_2017;
            }
            if (xinjiang) {
                return XINJIANG_FROM_2017;
            }
            return join < JANUARY_2019 ? IN_2017_2018 : FROM_2019;
        }
    }
}
