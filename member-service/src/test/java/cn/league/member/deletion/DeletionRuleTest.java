package cn.league.member.deletion;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.member.deletion.DeletionRule.Facts;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletionRuleTest {

    @Test
    @DisplayName("R-MEM-8 a leading body's admin over the person deletes them with a reason")
    void allowed() {
        assertThatCode(() -> DeletionRule.check(new Facts(true, true, false, false), "重复录入")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin not over the person is refused before anything else is said")
    void outOfScope() {
        assertThatThrownBy(() -> DeletionRule.check(new Facts(false, false, true, true), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("OUT_OF_SCOPE"));
    }

    @Test
    @DisplayName("R-MEM-8 branch and committee admins cannot delete")
    void leadingBodiesOnly() {
        assertThatThrownBy(() -> DeletionRule.check(new Facts(true, false, false, false), "重复录入"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("LEADING_BODY_ONLY"));
    }

    @Test
    @DisplayName("R-MEM-8 a reason is required")
    void reasonRequired() {
        assertThatThrownBy(() -> DeletionRule.check(new Facts(true, true, false, false), "  "))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("DELETION_REASON_REQUIRED"));
    }

    @Test
    @DisplayName("R-MEM-8 an admin is not deleted (revoke first), nor someone in a transfer")
    void adminsAndTransfers() {
        assertThatThrownBy(() -> DeletionRule.check(new Facts(true, true, true, false), "x"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("PERSON_IS_ADMIN"));
        assertThatThrownBy(() -> DeletionRule.check(new Facts(true, true, false, true), "x"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("PERSON_IN_TRANSFER"));
    }
}
