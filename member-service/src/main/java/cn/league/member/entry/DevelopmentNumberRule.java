package cn.league.member.entry;

import java.time.LocalDate;
import java.util.List;

/**
 * R-MEM-5: the development number (发展团员编号) — 12 digits, the first four the join year, digits
 * 5–6 the segment ({@link DevelopmentNumberSegment}), held by nobody else. Required for joins from
 * 2017-01-01 (Xinjiang: 2016-01-01); optional before, but checked the same way when given. For joins
 * in 2017–2018 the number may start with 2017 or 2018. Each refusal carries FAQ 15's words.
 * <p>
 * Order and short cuts: a number with anything but digits is only 格式不对, one of the wrong length
 * only 位数不对 (its digits cannot be read by position); year and segment are reported together; the
 * holder is looked up only for a number that is otherwise right, since it must change anyway and the
 * lookup is the expensive part. No exceptions; allocates only when surrounding blanks are stripped.
 */
public final class DevelopmentNumberRule {

    public static final String RULE = "R-MEM-5";
    public static final int LENGTH = 12;

    public static final EntryViolation MISSING = new EntryViolation("DEVELOPMENT_NUMBER_MISSING", RULE,
            "2017年1月1日以后入团的团员须准确填入发展团员编号");
    public static final EntryViolation MISSING_XINJIANG = new EntryViolation("DEVELOPMENT_NUMBER_MISSING", RULE,
            "新疆地区2016年1月1日以后入团的团员须准确填入发展团员编号");
    public static final EntryViolation TAKEN = new EntryViolation("DEVELOPMENT_NUMBER_TAKEN", RULE,
            "发展团员编号被占用(已被其他人提前使用并录入系统),可请求上级组织协助,联系找到对方,协商解决");
    public static final EntryViolation WRONG_YEAR = new EntryViolation("DEVELOPMENT_NUMBER_YEAR", RULE,
            "发展团员编号前四位年份与入团时间不一致");
    public static final EntryViolation WRONG_LENGTH = new EntryViolation("DEVELOPMENT_NUMBER_LENGTH", RULE,
            "发展团员编号位数不对(应为12位)");
    public static final EntryViolation WRONG_SEGMENT = new EntryViolation("DEVELOPMENT_NUMBER_SEGMENT", RULE,
            "发展团员编号号段不对");
    public static final EntryViolation BAD_FORMAT = new EntryViolation("DEVELOPMENT_NUMBER_FORMAT", RULE,
            "发展团员编号填写有误(格式不对)");

    private static final int REQUIRED_FROM = 2017;
    private static final int REQUIRED_FROM_XINJIANG = 2016;

    private final DevelopmentNumberSegment segment;

    public DevelopmentNumberRule(DevelopmentNumberSegment segment) {
        this.segment = segment;
    }

    /** The segment is the org's province code. */
    public static DevelopmentNumberRule standard() {
        return new DevelopmentNumberRule(DevelopmentNumberSegment.ORG_PROVINCE);
    }

    /**
     * The violations in a stable order, or none.
     *
     * @param raw             as entered; blanks around it are ignored, blank is absent
     * @param joinDate        null when not filled in: then neither required nor year-checked
     * @param xinjiang        the person falls under Xinjiang's limits ({@link Xinjiang})
     * @param orgProvinceCode the target org's province code, e.g. 65; 0 when it has none
     * @param idNumber        the row's normalised ID number, or null when it is invalid
     * @param numbers         who holds which number
     */
    /** Joins from 2017 (Xinjiang: 2016) need a number; an unknown join date needs none yet. */
    public static boolean isRequired(LocalDate joinDate, boolean xinjiang) {
        return joinDate != null && joinDate.getYear() >= (xinjiang ? REQUIRED_FROM_XINJIANG : REQUIRED_FROM);
    }

    public List<EntryViolation> check(String raw, LocalDate joinDate, boolean xinjiang, int orgProvinceCode,
            String idNumber, DevelopmentNumbers numbers) {
        String number = stripped(raw);
        if (number == null) {
            return isRequired(joinDate, xinjiang) ? List.of(xinjiang ? MISSING_XINJIANG : MISSING) : List.of();
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return List.of(BAD_FORMAT);
            }
        }
        if (number.length() != LENGTH) {
            return List.of(WRONG_LENGTH);
        }
        boolean wrongYear = joinDate != null && !startsWithJoinYear(number, joinDate.getYear());
        boolean wrongSegment = !segment.fits(number, orgProvinceCode);
        if (wrongYear || wrongSegment) {
            return wrongYear && wrongSegment ? List.of(WRONG_YEAR, WRONG_SEGMENT)
                    : List.of(wrongYear ? WRONG_YEAR : WRONG_SEGMENT);
        }
        return numbers.isTakenByOther(number, idNumber) ? List.of(TAKEN) : List.of();
    }

    private static boolean startsWithJoinYear(String number, int joinYear) {
        int year = (number.charAt(0) - '0') * 1000 + (number.charAt(1) - '0') * 100
                + (number.charAt(2) - '0') * 10 + (number.charAt(3) - '0');
        if (joinYear == 2017 || joinYear == 2018) {
            return year == 2017 || year == 2018;
        }
        return year == joinYear;
    }

    // The number without surrounding blanks (spreadsheet cells), the same string when it has none; null when blank.
    private static String stripped(String raw) {
        if (raw == null) {
            return null;
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
            return null;
        }
        return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
    }
}
