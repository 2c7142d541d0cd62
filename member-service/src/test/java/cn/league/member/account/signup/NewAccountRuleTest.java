package cn.league.member.account.signup;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewAccountRuleTest {

    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    @DisplayName("R-AUTH-4 the new account's mobile number: 11 digits starting with 1, blanks around it dropped")
    void mobile() {
        assertThat(NewAccountRule.requireMobile(" 13812345678 ")).isEqualTo("13812345678");
        for (String wrong : new String[] {null, "", "1381234567", "138123456789", "23812345678", "1381234567x"}) {
            assertThatThrownBy(() -> NewAccountRule.requireMobile(wrong))
                    .isInstanceOfSatisfying(ProblemException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("MOBILE_INVALID");
                        assertThat(refused.rule()).isEqualTo("R-AUTH-4");
                    });
        }
    }

    @Test
    @DisplayName("R-AUTH-4 an unfinished account counts for two minutes from its start: those begun at or before "
            + "two minutes ago no longer do")
    void unfinishedAccountsCountBriefly() {
        assertThat(NewAccountRule.UNFINISHED_FOR).isEqualTo(Duration.ofMinutes(2));
        assertThat(NewAccountRule.unfinishedNoLaterThan(NOW)).isEqualTo(NOW.minusSeconds(120));
    }
}
