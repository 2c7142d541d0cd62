package cn.league.member.ageout;

import java.time.LocalDate;

/**
 * R-MEM-9 (FAQ 57, 团章): a member who has turned 28 and holds no post in the league no longer keeps
 * membership. Party membership changes nothing: a party member (中共党员 / 中共预备党员) under 28 keeps
 * membership like anyone under 28, and one who turned 28 without a post leaves like anyone else — so the
 * political status is no input here.
 */
public final class AgeOutRule {

    public static final int AGE = 28;
    public static final String REASON = "年满二十八周岁,没有在团内担任职务,不再保留团籍";

    private AgeOutRule() {
    }

    /** People born on or before this day have turned 28 by {@code today} (a 29 February birthday counts on 28 February). */
    public static LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(AGE);
    }

    public static boolean endsMembership(LocalDate birthDate, boolean holdsPost, LocalDate today) {
        return !holdsPost && !birthDate.isAfter(bornOnOrBefore(today));
    }
}
