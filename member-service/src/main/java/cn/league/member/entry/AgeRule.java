package cn.league.member.entry;

import java.time.LocalDate;
import java.util.List;

/**
 * R-MEM-3: age today, from the birth date in the ID. An ordinary member has turned 14 and not yet
 * turned 28; a cadre has turned 14, with no upper limit (FAQ 12: 大于14周岁,小于28周岁).
 * <p>
 * "Turned n" means n full years (周岁) on that day: a person turns 14 on their 14th birthday, so
 * they are accepted from that day on, refused the day before; an ordinary member is accepted up to
 * the day before their 28th birthday and refused on it. Someone born on 29 February turns a year
 * older on 1 March in a common year. 中共党员 and 中共预备党员 entered as members keep membership
 * only while under 28 (R-MEM-9), so the same bounds apply; only the message says why.
 * Plain arithmetic on yyyymmdd numbers: no exceptions, nothing allocated. Thread-safe.
 */
public final class AgeRule {

    public static final String RULE = "R-MEM-3";

    public static final EntryViolation MEMBER_BELOW_14 = new EntryViolation("AGE_BELOW_14", RULE,
            "年龄不符合规定:普通团员的年龄限制为大于14周岁,小于28周岁");
    public static final EntryViolation CADRE_BELOW_14 = new EntryViolation("AGE_BELOW_14", RULE,
            "年龄不符合规定:团干部的年龄限制为大于14周岁");
    public static final EntryViolation MEMBER_28_OR_OVER = new EntryViolation("AGE_28_OR_OVER", RULE,
            "年龄不符合规定:普通团员的年龄限制为大于14周岁,小于28周岁");
    public static final EntryViolation PARTY_MEMBER_28_OR_OVER = new EntryViolation("AGE_28_OR_OVER", RULE,
            "年龄不符合规定:中共党员(含预备党员)年满28周岁、未担任团内职务的,不再保留团籍");

    static final int LOWER = 14;
    static final int UPPER = 28;

    private AgeRule() {
    }

    /**
     * The violation, or none. The political status may be unknown (null): the bounds do not depend
     * on it.
     */
    public static List<EntryViolation> check(LocalDate birthDate, EntryRole role, PoliticalStatus status,
            LocalDate today) {
        int age = ageOn(birthDate, today);
        if (age < LOWER) {
            return List.of(role == EntryRole.CADRE ? CADRE_BELOW_14 : MEMBER_BELOW_14);
        }
        if (role == EntryRole.MEMBER && age >= UPPER) {
            return List.of(status != null && status.isPartyMember() ? PARTY_MEMBER_28_OR_OVER : MEMBER_28_OR_OVER);
        }
        return List.of();
    }

    /** Full years (周岁) on a day, counting the birthday itself; negative before birth. */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return age(yyyymmdd(birthDate), yyyymmdd(day));
    }

    static int age(int birth, int day) {
        // 20260615 - 20120615 = 140000 → 14; one day earlier, 139999 → 13.
        int difference = day - birth;
        return difference >= 0 ? difference / 10_000 : -((birth - day + 9_999) / 10_000);
    }

    static int yyyymmdd(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }
}
