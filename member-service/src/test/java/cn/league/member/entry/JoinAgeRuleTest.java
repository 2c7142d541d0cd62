package cn.league.member.entry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JoinAgeRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    @DisplayName("R-MEM-4 joined on or after 2019-01-01: at least 14 on the join date, the 14th birthday counting")
    void from2019() {
        assertThat(check("2005-01-01", "2019-01-01", false)).isEmpty();
        assertThat(check("2005-01-02", "2019-01-01", false)).containsExactly(JoinAgeRule.BELOW_14_FROM_2019);
        assertThat(check("2008-06-15", "2022-06-15", false)).isEmpty();
        assertThat(check("2008-06-15", "2022-06-14", false)).containsExactly(JoinAgeRule.BELOW_14_FROM_2019);
        assertThat(JoinAgeRule.BELOW_14_FROM_2019.code()).isEqualTo("JOIN_AGE_TOO_YOUNG");
        assertThat(JoinAgeRule.BELOW_14_FROM_2019.rule()).isEqualTo("R-MEM-4");
        assertThat(JoinAgeRule.BELOW_14_FROM_2019.message()).contains("2019年及之后入团").contains("14周岁");
    }

    @Test
    @DisplayName("R-MEM-4 joined 2017-01-01..2018-12-31: at least 13; a 13-year-old passes on 2018-12-31, not on 2019-01-01")
    void in2017And2018() {
        assertThat(check("2005-06-01", "2018-12-31", false)).isEmpty();
        assertThat(check("2005-06-01", "2019-01-01", false)).containsExactly(JoinAgeRule.BELOW_14_FROM_2019);
        assertThat(check("2005-12-31", "2018-12-31", false)).isEmpty();
        assertThat(check("2006-01-01", "2018-12-31", false)).containsExactly(JoinAgeRule.BELOW_13_IN_2017_2018);
        assertThat(check("2004-01-01", "2017-01-01", false)).isEmpty();
        assertThat(check("2004-01-02", "2017-01-01", false)).containsExactly(JoinAgeRule.BELOW_13_IN_2017_2018);
        assertThat(JoinAgeRule.BELOW_13_IN_2017_2018.message()).contains("2017、2018年入团").contains("13周岁");
    }

    @Test
    @DisplayName("R-MEM-4 joined before 2017-01-01: at least 12; a 12-year-old passes on 2016-12-31, not on 2017-01-01")
    void before2017() {
        assertThat(check("2004-06-01", "2016-12-31", false)).isEmpty();
        assertThat(check("2004-06-01", "2017-01-01", false)).containsExactly(JoinAgeRule.BELOW_13_IN_2017_2018);
        assertThat(check("2004-12-31", "2016-12-31", false)).isEmpty();
        assertThat(check("2005-01-01", "2016-12-31", false)).containsExactly(JoinAgeRule.BELOW_12_BEFORE_2017);
        assertThat(check("1990-03-01", "2002-03-01", false)).isEmpty();
        assertThat(check("1990-03-01", "2002-02-28", false)).containsExactly(JoinAgeRule.BELOW_12_BEFORE_2017);
        assertThat(JoinAgeRule.BELOW_12_BEFORE_2017.message()).contains("2017年1月1日以前入团").contains("12周岁");
    }

    @Test
    @DisplayName("R-MEM-4 Xinjiang: at least 13 for every join from 2017-01-01, at least 12 before")
    void xinjiang() {
        assertThat(check("2005-06-01", "2019-01-01", true)).isEmpty();
        assertThat(check("2008-06-15", "2021-06-15", true)).isEmpty();
        assertThat(check("2008-06-15", "2021-06-14", true)).containsExactly(JoinAgeRule.BELOW_13_XINJIANG);
        assertThat(check("2006-01-01", "2018-12-31", true)).containsExactly(JoinAgeRule.BELOW_13_XINJIANG);
        assertThat(check("2004-01-02", "2017-01-01", true)).containsExactly(JoinAgeRule.BELOW_13_XINJIANG);
        assertThat(check("2004-06-01", "2016-12-31", true)).isEmpty();
        assertThat(check("2005-01-01", "2016-12-31", true)).containsExactly(JoinAgeRule.BELOW_12_BEFORE_2017);
        assertThat(JoinAgeRule.BELOW_13_XINJIANG.code()).isEqualTo("JOIN_AGE_TOO_YOUNG");
        assertThat(JoinAgeRule.BELOW_13_XINJIANG.message()).contains("新疆").contains("13周岁");
    }

    @Test
    @DisplayName("R-MEM-4 Xinjiang is the ID's region 65 or the org's province 65")
    void whoIsXinjiang() {
        assertThat(Xinjiang.applies(65, 11)).isTrue();
        assertThat(Xinjiang.applies(11, 65)).isTrue();
        assertThat(Xinjiang.applies(0, 65)).isTrue();
        assertThat(Xinjiang.applies(11, 11)).isFalse();
        assertThat(Xinjiang.applies(0, 0)).isFalse();
    }

    @Test
    @DisplayName("R-MEM-4 a join date after today or before the birth date is refused, and no join age is judged then")
    void impossibleJoinDates() {
        assertThat(check("2000-01-01", "2026-06-15", false)).isEmpty();
        assertThat(check("2000-01-01", "2026-06-16", false)).containsExactly(JoinAgeRule.IN_FUTURE);
        assertThat(check("2010-05-01", "2010-04-30", false)).containsExactly(JoinAgeRule.BEFORE_BIRTH);
        assertThat(check("2010-05-01", "2010-05-01", false)).containsExactly(JoinAgeRule.BELOW_12_BEFORE_2017);
        assertThat(JoinAgeRule.IN_FUTURE.code()).isEqualTo("JOIN_DATE_IN_FUTURE");
        assertThat(JoinAgeRule.BEFORE_BIRTH.code()).isEqualTo("JOIN_DATE_BEFORE_BIRTH");
    }

    @Test
    @DisplayName("R-MEM-4 no join date leaves nothing to check; no birth date (invalid ID) leaves only the future check")
    void missingDates() {
        assertThat(JoinAgeRule.check(LocalDate.of(2010, 1, 1), null, false, TODAY)).isEmpty();
        assertThat(JoinAgeRule.check(null, LocalDate.of(2019, 1, 1), false, TODAY)).isEmpty();
        assertThat(JoinAgeRule.check(null, LocalDate.of(2027, 1, 1), false, TODAY)).containsExactly(JoinAgeRule.IN_FUTURE);
    }

    private static List<EntryViolation> check(String birth, String join, boolean xinjiang) {
        return JoinAgeRule.check(LocalDate.parse(birth), LocalDate.parse(join), xinjiang, TODAY);
    }
}
