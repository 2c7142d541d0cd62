package cn.league.member.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberFault;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.support.problem.ProblemException;

import static cn.league.member.entry.EntryRole.CADRE;
import static cn.league.member.entry.EntryRole.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryCheckTest {

    // 2026-06-15, noon in Beijing
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-15T04:00:00Z"), IdNumberRule.CHINA);
    private static final int BEIJING = 11;
    private static final int XINJIANG = 65;

    private final EntryCheck entry = EntryCheck.standard(NOON);

    @Test
    @DisplayName("R-ID-4 R-MEM-3 R-MEM-4 R-MEM-5 a correct row is accepted with its parsed ID number")
    void accepted() {
        String id = id(110105, "20050601");
        EntryOutcome outcome = entry.check(member(id, "2019-06-01", "201911000123", BEIJING), DevelopmentNumbers.NONE_TAKEN);

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.idNumber()).hasValueSatisfying(parsed -> {
            assertThat(parsed.value()).isEqualTo(id);
            assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(2005, 6, 1));
        });
        assertThat(entry.require(member(id, "2019-06-01", "201911000123", BEIJING), DevelopmentNumbers.NONE_TAKEN)
                .value()).isEqualTo(id);
    }

    @Test
    @DisplayName("R-MEM-4 Xinjiang by ID region: a 13-year-old joining in 2019 is accepted with a 65 ID, refused with a Beijing one")
    void xinjiangByIdRegion() {
        assertThat(entry.check(member(id(650102, "20060601"), "2019-07-01", "201911000001", BEIJING),
                DevelopmentNumbers.NONE_TAKEN).violations()).isEmpty();
        assertThat(entry.check(member(id(110105, "20060601"), "2019-07-01", "201911000001", BEIJING),
                DevelopmentNumbers.NONE_TAKEN).violations()).containsExactly(JoinAgeRule.BELOW_14_FROM_2019);
    }

    @Test
    @DisplayName("R-MEM-4 Xinjiang by org: a Beijing-born 13-year-old joining in 2019 under 团新疆维吾尔自治区委 is accepted")
    void xinjiangByOrg() {
        assertThat(entry.check(member(id(110105, "20060601"), "2019-07-01", "201965000001", XINJIANG),
                DevelopmentNumbers.NONE_TAKEN).violations()).isEmpty();
        assertThat(entry.check(member(id(110105, "20060601"), "2017-03-01", "201765000001", XINJIANG),
                DevelopmentNumbers.NONE_TAKEN).violations()).containsExactly(JoinAgeRule.BELOW_13_XINJIANG);
    }

    @Test
    @DisplayName("R-MEM-5 Xinjiang by ID region or by org: the development number is required from 2016")
    void xinjiangNumberFrom2016() {
        assertThat(entry.check(member(id(650102, "20020101"), "2016-05-04", null, BEIJING),
                DevelopmentNumbers.NONE_TAKEN).violations()).containsExactly(DevelopmentNumberRule.MISSING_XINJIANG);
        assertThat(entry.check(member(id(110105, "20020101"), "2016-05-04", null, XINJIANG),
                DevelopmentNumbers.NONE_TAKEN).violations()).containsExactly(DevelopmentNumberRule.MISSING_XINJIANG);
        assertThat(entry.check(member(id(110105, "20020101"), "2016-05-04", null, BEIJING),
                DevelopmentNumbers.NONE_TAKEN).violations()).isEmpty();
    }

    @Test
    @DisplayName("R-MEM-3 R-MEM-4 R-MEM-5 several violations are reported together, in rule order")
    void severalTogether() {
        // 13 today, joined at 11 in 2024, a number of the wrong year and the wrong province
        EntryOutcome outcome = entry.check(member(id(110105, "20120616"), "2024-01-01", "202365000123", BEIJING),
                DevelopmentNumbers.NONE_TAKEN);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.violations()).extracting(EntryViolation::code).containsExactly(
                "AGE_BELOW_14", "JOIN_AGE_TOO_YOUNG", "DEVELOPMENT_NUMBER_YEAR", "DEVELOPMENT_NUMBER_SEGMENT");
        assertThat(outcome.violations()).extracting(EntryViolation::rule)
                .containsExactly("R-MEM-3", "R-MEM-4", "R-MEM-5", "R-MEM-5");
        assertThat(outcome.idNumber()).isPresent();
        assertThatThrownBy(() -> outcome.violations().add(AgeRule.MEMBER_BELOW_14))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("R-ID-4 an invalid ID comes first; rules needing the birth date are skipped, the others still run")
    void invalidIdFirst() {
        EntryOutcome outcome = entry.check(member("110105199001014328", "2027-01-01", "abc", BEIJING),
                DevelopmentNumbers.NONE_TAKEN);

        assertThat(outcome.violations()).containsExactly(EntryViolation.of(IdNumberFault.BAD_CHECK_DIGIT),
                JoinAgeRule.IN_FUTURE, DevelopmentNumberRule.BAD_FORMAT);
        assertThat(outcome.violations().getFirst().code()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
        assertThat(outcome.violations().getFirst().rule()).isEqualTo("R-ID-4");
        assertThat(outcome.violations().getFirst().message()).isEqualTo("身份证号码校验位不正确");
        assertThat(outcome.idNumber()).isEmpty();

        assertThat(entry.check(member(null, null, null, BEIJING), DevelopmentNumbers.NONE_TAKEN).violations())
                .containsExactly(EntryViolation.of(IdNumberFault.MISSING));
    }

    @Test
    @DisplayName("R-MEM-3 via EntryCheck: a 中共党员 is a member until 28 and a cadre after")
    void partyMember() {
        String turning28Today = id(110105, "19980615");
        String turning28Tomorrow = id(110105, "19980616");
        assertThat(entry.check(facts(turning28Tomorrow, MEMBER, PoliticalStatus.PARTY_MEMBER), DevelopmentNumbers.NONE_TAKEN)
                .violations()).isEmpty();
        assertThat(entry.check(facts(turning28Today, MEMBER, PoliticalStatus.PARTY_MEMBER), DevelopmentNumbers.NONE_TAKEN)
                .violations()).containsExactly(AgeRule.PARTY_MEMBER_28_OR_OVER);
        assertThat(entry.check(facts(turning28Today, MEMBER, PoliticalStatus.LEAGUE_MEMBER), DevelopmentNumbers.NONE_TAKEN)
                .violations()).containsExactly(AgeRule.MEMBER_28_OR_OVER);
        assertThat(entry.check(facts(turning28Today, CADRE, PoliticalStatus.PARTY_MEMBER), DevelopmentNumbers.NONE_TAKEN)
                .violations()).isEmpty();
    }

    @Test
    @DisplayName("R-MEM-5 via EntryCheck: editing a person who holds their own number is fine, someone else's is 编号被占用")
    void ownNumber() {
        String id = id(110105, "20050601");
        DevelopmentNumbers held = DevelopmentNumbers.heldBy(Map.of("201911000123", id));
        assertThat(entry.check(member(id, "2019-06-01", "201911000123", BEIJING), held).violations()).isEmpty();
        assertThat(entry.check(member(id(110105, "20050602"), "2019-06-02", "201911000123", BEIJING), held)
                .violations()).containsExactly(DevelopmentNumberRule.TAKEN);
    }

    @Test
    @DisplayName("R-MEM-3 R-ID-4 the throwing variant answers 422 with the first violation's code, rule and message")
    void requireThrowsTheFirstViolation() {
        assertThatThrownBy(() -> entry.require(member(id(110105, "20120616"), "2024-01-01", "202365000123", BEIJING),
                DevelopmentNumbers.NONE_TAKEN))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.code()).isEqualTo("AGE_BELOW_14");
                    assertThat(problem.rule()).isEqualTo("R-MEM-3");
                    assertThat(problem.detail()).isEqualTo(AgeRule.MEMBER_BELOW_14.message());
                });
        assertThatThrownBy(() -> entry.require(member("11010519900101432", null, null, BEIJING),
                DevelopmentNumbers.NONE_TAKEN))
                .as("an invalid ID answers as IdNumberRule.require does")
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.code()).isEqualTo(IdNumberFault.PROBLEM_CODE);
                    assertThat(problem.rule()).isEqualTo("R-ID-4");
                    assertThat(problem.detail()).isEqualTo("身份证号码应为18位");
                });
    }

    @Test
    @DisplayName("R-MEM-3 today follows the clock in China time, also across midnight")
    void todayFollowsTheClock() {
        MovableClock clock = new MovableClock(Instant.parse("2026-06-14T15:59:59Z")); // 23:59:59 in Beijing
        EntryCheck moving = EntryCheck.standard(clock);
        EntryFacts turning14 = facts(id(110105, "20120615"), MEMBER, PoliticalStatus.LEAGUE_MEMBER);

        assertThat(moving.check(turning14, DevelopmentNumbers.NONE_TAKEN).violations())
                .containsExactly(AgeRule.MEMBER_BELOW_14);
        clock.now = Instant.parse("2026-06-14T16:00:00Z"); // midnight in Beijing, still the 14th in UTC
        assertThat(moving.check(turning14, DevelopmentNumbers.NONE_TAKEN).violations()).isEmpty();
        clock.now = Instant.parse("2026-06-14T15:00:00Z"); // the clock set back
        assertThat(moving.check(turning14, DevelopmentNumbers.NONE_TAKEN).violations())
                .containsExactly(AgeRule.MEMBER_BELOW_14);
    }

    @Test
    @DisplayName("R-MEM-3 R-MEM-4 a row without join date, number or political status is not refused for them (R-MEM-6 flags it)")
    void incompleteIsNotRefused() {
        EntryOutcome outcome = entry.check(facts(id(110105, "20050601"), MEMBER, null), DevelopmentNumbers.NONE_TAKEN);
        assertThat(outcome.accepted()).isTrue();
        IdNumber parsed = outcome.orThrow();
        assertThat(parsed.provinceCode()).isEqualTo(11);
    }

    private static EntryFacts member(String id, String join, String number, int orgProvince) {
        return new EntryFacts(id, "张三", MEMBER, PoliticalStatus.LEAGUE_MEMBER,
                join == null ? null : LocalDate.parse(join), number, orgProvince);
    }

    private static EntryFacts facts(String id, EntryRole role, PoliticalStatus status) {
        return new EntryFacts(id, "李四", role, status, null, null, BEIJING);
    }

    /** A valid ID: region, yyyymmdd birth, sequence 001, and its GB 11643 check digit. */
    static String id(int region, String birth) {
        return withCheckDigit(region + birth + "001");
    }

    static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return IdNumberRule.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new AssertionError("the entry rules read the clock in China time only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
