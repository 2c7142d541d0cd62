package cn.league.member.ageout;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgeOutRuleTest {

    private final LocalDate today = LocalDate.of(2027, 6, 15);

    @Test
    @DisplayName("R-MEM-9 a member who turned 28 today and holds no post no longer keeps membership")
    void turned28() {
        assertThat(AgeOutRule.endsMembership(LocalDate.of(1999, 6, 15), false, today)).isTrue();
        assertThat(AgeOutRule.endsMembership(LocalDate.of(1990, 1, 1), false, today)).isTrue();
    }

    @Test
    @DisplayName("R-MEM-9 a member one day short of 28 keeps membership")
    void notYet28() {
        assertThat(AgeOutRule.endsMembership(LocalDate.of(1999, 6, 16), false, today)).isFalse();
    }

    @Test
    @DisplayName("R-MEM-9 a member over 28 who holds a post keeps membership")
    void postKeepsMembership() {
        assertThat(AgeOutRule.endsMembership(LocalDate.of(1990, 1, 1), true, today)).isFalse();
    }

    @Test
    @DisplayName("R-MEM-9 FAQ 57: a party member under 28 keeps membership; the rule does not look at the political status")
    void partyMembersUnder28Keep() {
        // the rule has no political-status input: a 中共党员 of 27 is decided like anyone of 27
        assertThat(AgeOutRule.endsMembership(LocalDate.of(2000, 1, 1), false, today)).isFalse();
    }

    @Test
    @DisplayName("R-MEM-9 someone born on 29 February turns 28 on 28 February of a common year")
    void leapDay() {
        assertThat(AgeOutRule.bornOnOrBefore(LocalDate.of(2025, 2, 28))).isEqualTo(LocalDate.of(1997, 2, 28));
        assertThat(AgeOutRule.endsMembership(LocalDate.of(1996, 2, 29), false, LocalDate.of(2024, 2, 28))).isFalse();
        assertThat(AgeOutRule.endsMembership(LocalDate.of(1996, 2, 29), false, LocalDate.of(2024, 2, 29))).isTrue();
    }
}
