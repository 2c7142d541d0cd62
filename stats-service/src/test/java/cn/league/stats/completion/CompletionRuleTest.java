package cn.league.stats.completion;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgType;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionRuleTest {

    @Test
    @DisplayName("R-STAT-1 a leading body is complete when all its cadres are, and it has at least one")
    void leadingBody() {
        assertThat(CompletionRule.isComplete(OrgType.LEADING_BODY, 3, 3, 3)).isTrue();
        assertThat(CompletionRule.isComplete(OrgType.LEADING_BODY, 3, 2, 2)).isFalse();
        assertThat(CompletionRule.isComplete(OrgType.LEADING_BODY, 0, 0, 0)).isFalse();
    }

    @Test
    @DisplayName("R-STAT-1 a committee, work committee or general branch is complete with at least 2 complete cadres")
    void grassrootsBodies() {
        for (OrgType body : new OrgType[] {OrgType.COMMITTEE, OrgType.WORK_COMMITTEE, OrgType.GENERAL_BRANCH}) {
            assertThat(CompletionRule.isComplete(body, 5, 2, 2)).as(body.name()).isTrue();
            assertThat(CompletionRule.isComplete(body, 5, 1, 1)).as(body.name()).isFalse();
        }
    }

    @Test
    @DisplayName("R-STAT-1 a branch is complete with at least 3 complete members and cadres together")
    void branches() {
        for (OrgType branch : new OrgType[] {OrgType.BRANCH, OrgType.PENDING_BRANCH, OrgType.GRADUATE_BRANCH}) {
            assertThat(CompletionRule.isComplete(branch, 1, 1, 3)).as(branch.name()).isTrue();
            assertThat(CompletionRule.isComplete(branch, 0, 0, 2)).as(branch.name()).isFalse();
        }
    }
}
