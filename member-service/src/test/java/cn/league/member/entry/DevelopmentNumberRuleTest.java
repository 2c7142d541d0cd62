package cn.league.member.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentNumberRuleTest {

    private static final String ID = "110105199001014329";
    private static final int BEIJING = 11;

    private final DevelopmentNumberRule rule = DevelopmentNumberRule.standard();

    @Test
    @DisplayName("R-MEM-5 required for joins from 2017-01-01, optional before")
    void requiredFrom2017() {
        assertThat(check(null, "2017-01-01")).containsExactly(DevelopmentNumberRule.MISSING);
        assertThat(check(" \u3000", "2019-05-04")).containsExactly(DevelopmentNumberRule.MISSING);
        assertThat(check("", "2016-12-31")).isEmpty();
        assertThat(check(null, "2008-05-04")).isEmpty();
        assertThat(check(null, null)).isEmpty();
        assertThat(DevelopmentNumberRule.MISSING.code()).isEqualTo("DEVELOPMENT_NUMBER_MISSING");
        assertThat(DevelopmentNumberRule.MISSING.rule()).isEqualTo("R-MEM-5");
        assertThat(DevelopmentNumberRule.MISSING.message()).contains("2017年1月1日以后入团的团员须准确填入发展团员编号");
    }

    @Test
    @DisplayName("R-MEM-5 Xinjiang: required for joins from 2016-01-01")
    void requiredInXinjiangFrom2016() {
        assertThat(rule.check(null, LocalDate.of(2016, 1, 1), true, 65, ID, DevelopmentNumbers.NONE_TAKEN))
                .containsExactly(DevelopmentNumberRule.MISSING_XINJIANG);
        assertThat(rule.check(null, LocalDate.of(2015, 12, 31), true, 65, ID, DevelopmentNumbers.NONE_TAKEN)).isEmpty();
        assertThat(rule.check(null, LocalDate.of(2016, 1, 1), false, BEIJING, ID, DevelopmentNumbers.NONE_TAKEN)).isEmpty();
        assertThat(rule.check("201665000001", LocalDate.of(2016, 1, 1), true, 65, ID, DevelopmentNumbers.NONE_TAKEN)).isEmpty();
        assertThat(DevelopmentNumberRule.MISSING_XINJIANG.code()).isEqualTo(DevelopmentNumberRule.MISSING.code());
        assertThat(DevelopmentNumberRule.MISSING_XINJIANG.message()).contains("新疆");
    }

    @Test
    @DisplayName("R-MEM-5 not all digits is refused: 填写有误(格式不对)")
    void format() {
        assertThat(check("20191100012A", "2019-05-04")).containsExactly(DevelopmentNumberRule.BAD_FORMAT);
        assertThat(check("2019-1100012", "2019-05-04")).containsExactly(DevelopmentNumberRule.BAD_FORMAT);
        assertThat(check("２０１９11000123", "2019-05-04")).containsExactly(DevelopmentNumberRule.BAD_FORMAT); // full-width
        assertThat(check("2019 11000123", "2019-05-04")).containsExactly(DevelopmentNumberRule.BAD_FORMAT);
        assertThat(check("abc", "2019-05-04")).containsExactly(DevelopmentNumberRule.BAD_FORMAT);
        assertThat(DevelopmentNumberRule.BAD_FORMAT.code()).isEqualTo("DEVELOPMENT_NUMBER_FORMAT");
        assertThat(DevelopmentNumberRule.BAD_FORMAT.message()).contains("填写有误(格式不对)");
    }

    @Test
    @DisplayName("R-MEM-5 not 12 digits is refused: 位数不对")
    void length() {
        assertThat(check("20191100012", "2019-05-04")).containsExactly(DevelopmentNumberRule.WRONG_LENGTH);
        assertThat(check("2019110001234", "2019-05-04")).containsExactly(DevelopmentNumberRule.WRONG_LENGTH);
        assertThat(check("2019", "2019-05-04")).containsExactly(DevelopmentNumberRule.WRONG_LENGTH);
        assertThat(check("20151100012", "2015-05-04")).containsExactly(DevelopmentNumberRule.WRONG_LENGTH); // optional, still checked
        assertThat(DevelopmentNumberRule.WRONG_LENGTH.code()).isEqualTo("DEVELOPMENT_NUMBER_LENGTH");
        assertThat(DevelopmentNumberRule.WRONG_LENGTH.message()).contains("位数不对");
    }

    @Test
    @DisplayName("R-MEM-5 the first four digits must be the join year: 前四位年份与入团时间不一致")
    void year() {
        assertThat(check("201911000123", "2019-05-04")).isEmpty();
        assertThat(check("202011000123", "2019-05-04")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(check("201811000123", "2019-01-01")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(check("201711000123", "2016-12-31")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(check("201611000123", "2016-12-31")).isEmpty();
        assertThat(check("201511000123", "2015-05-04")).isEmpty(); // optional before 2017, but then starts with the year
        assertThat(check("201611000123", "2015-05-04")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(check("201611000123", null)).isEmpty(); // no join date: nothing to compare with
        assertThat(DevelopmentNumberRule.WRONG_YEAR.code()).isEqualTo("DEVELOPMENT_NUMBER_YEAR");
        assertThat(DevelopmentNumberRule.WRONG_YEAR.message()).contains("前四位年份与入团时间不一致");
    }

    @Test
    @DisplayName("R-MEM-5 joins in 2017–2018 may start with 2017 or 2018, nothing else")
    void year2017And2018Tolerance() {
        assertThat(check("201711000123", "2017-01-01")).isEmpty();
        assertThat(check("201811000123", "2017-01-01")).isEmpty();
        assertThat(check("201711000123", "2018-12-31")).isEmpty();
        assertThat(check("201811000123", "2018-12-31")).isEmpty();
        assertThat(check("201611000123", "2017-01-01")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(check("201911000123", "2018-12-31")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(check("201711000123", "2019-01-01")).containsExactly(DevelopmentNumberRule.WRONG_YEAR);
    }

    @Test
    @DisplayName("R-MEM-5 by default digits 5–6 must be the org's province code: 号段不对")
    void segmentOfTheOrgsProvince() {
        assertThat(check("201911000123", "2019-05-04")).isEmpty();
        assertThat(check("201965000123", "2019-05-04")).containsExactly(DevelopmentNumberRule.WRONG_SEGMENT);
        assertThat(rule.check("201965000123", LocalDate.of(2019, 5, 4), true, 65, ID, DevelopmentNumbers.NONE_TAKEN)).isEmpty();
        assertThat(rule.check("201999000123", LocalDate.of(2019, 5, 4), false, 0, ID, DevelopmentNumbers.NONE_TAKEN))
                .as("an org without a province is not segment-checked").isEmpty();
        assertThat(DevelopmentNumberRule.WRONG_SEGMENT.code()).isEqualTo("DEVELOPMENT_NUMBER_SEGMENT");
        assertThat(DevelopmentNumberRule.WRONG_SEGMENT.message()).contains("号段不对");
    }

    @Test
    @DisplayName("R-MEM-5 the segment check can be switched off; year and length still apply")
    void segmentOff() {
        DevelopmentNumberRule off = new DevelopmentNumberRule(DevelopmentNumberSegment.OFF);
        LocalDate join = LocalDate.of(2019, 5, 4);
        assertThat(off.check("201965000123", join, false, BEIJING, ID, DevelopmentNumbers.NONE_TAKEN)).isEmpty();
        assertThat(off.check("201999999999", join, false, BEIJING, ID, DevelopmentNumbers.NONE_TAKEN)).isEmpty();
        assertThat(off.check("202065000123", join, false, BEIJING, ID, DevelopmentNumbers.NONE_TAKEN))
                .containsExactly(DevelopmentNumberRule.WRONG_YEAR);
        assertThat(off.check("20196500012", join, false, BEIJING, ID, DevelopmentNumbers.NONE_TAKEN))
                .containsExactly(DevelopmentNumberRule.WRONG_LENGTH);

        assertThat(DevelopmentNumberSegment.named("off")).isSameAs(DevelopmentNumberSegment.OFF);
        assertThat(DevelopmentNumberSegment.named(" OFF ")).isSameAs(DevelopmentNumberSegment.OFF);
        assertThat(DevelopmentNumberSegment.named("org-province")).isSameAs(DevelopmentNumberSegment.ORG_PROVINCE);
        assertThat(DevelopmentNumberSegment.named(null)).isSameAs(DevelopmentNumberSegment.ORG_PROVINCE);
        assertThat(DevelopmentNumberSegment.named("")).isSameAs(DevelopmentNumberSegment.ORG_PROVINCE);
        assertThatThrownBy(() -> DevelopmentNumberSegment.named("province")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-MEM-5 a wrong year and a wrong segment are reported together, year first")
    void yearAndSegmentTogether() {
        assertThat(check("202065000123", "2019-05-04"))
                .containsExactly(DevelopmentNumberRule.WRONG_YEAR, DevelopmentNumberRule.WRONG_SEGMENT);
    }

    @Test
    @DisplayName("R-MEM-5 a number someone else holds is refused: 编号被占用; one's own is fine")
    void takenByOther() {
        DevelopmentNumbers held = DevelopmentNumbers.heldBy(Map.of("201911000123", "110105199003075619"));
        LocalDate join = LocalDate.of(2019, 5, 4);
        assertThat(rule.check("201911000123", join, false, BEIJING, ID, held)).containsExactly(DevelopmentNumberRule.TAKEN);
        assertThat(rule.check("201911000123", join, false, BEIJING, "110105199003075619", held)).isEmpty();
        assertThat(rule.check("201911000124", join, false, BEIJING, ID, held)).isEmpty();
        assertThat(rule.check("201911000123", join, false, BEIJING, null, held))
                .as("an invalid ID owns nothing").containsExactly(DevelopmentNumberRule.TAKEN);
        assertThat(DevelopmentNumberRule.TAKEN.code()).isEqualTo("DEVELOPMENT_NUMBER_TAKEN");
        assertThat(DevelopmentNumberRule.TAKEN.message()).contains("发展团员编号被占用").doesNotContain("110105");
    }

    @Test
    @DisplayName("R-MEM-5 the holder is looked up only for an otherwise right number, stripped of blanks")
    void lookupOnlyWhenWellFormed() {
        List<String> asked = new ArrayList<>();
        DevelopmentNumbers recording = (number, idNumber) -> {
            asked.add(number + "/" + idNumber);
            return false;
        };
        LocalDate join = LocalDate.of(2019, 5, 4);
        rule.check("202011000123", join, false, BEIJING, ID, recording);
        rule.check("201965000123", join, false, BEIJING, ID, recording);
        rule.check("20191100012", join, false, BEIJING, ID, recording);
        rule.check("20191100012x", join, false, BEIJING, ID, recording);
        assertThat(asked).isEmpty();

        assertThat(rule.check("\t201911000123\u00A0", join, false, BEIJING, ID, recording)).isEmpty();
        assertThat(asked).containsExactly("201911000123/" + ID);
    }

    @Test
    @DisplayName("R-MEM-5 every refusal has its own code")
    void distinctCodes() {
        assertThat(Stream.of(DevelopmentNumberRule.MISSING, DevelopmentNumberRule.TAKEN, DevelopmentNumberRule.WRONG_YEAR,
                DevelopmentNumberRule.WRONG_LENGTH, DevelopmentNumberRule.WRONG_SEGMENT, DevelopmentNumberRule.BAD_FORMAT)
                .map(EntryViolation::code)).doesNotHaveDuplicates().allMatch(code -> code.matches("[A-Z0-9_]+"));
    }

    private List<EntryViolation> check(String number, String join) {
        return rule.check(number, join == null ? null : LocalDate.parse(join), false, BEIJING, ID,
                DevelopmentNumbers.NONE_TAKEN);
    }
}
