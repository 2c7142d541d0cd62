package cn.league.org.deletion;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.org.deletion.DeletionRule.Outcome;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletionRuleTest {

    private static Org org(OrgType type) {
        return new Org(9, 5L, "1.2.5.9", type, null, OrgDomain.RURAL, null, "某团支部", "某团支部", "11", 2L, null,
                null, null, null, null, null, null, false);
    }

    @Test
    @DisplayName("R-ORG-2 bottom-up only: an org with children is not deleted")
    void bottomUp() {
        assertThatThrownBy(() -> DeletionRule.check(org(OrgType.COMMITTEE), true, 0))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("ORG_HAS_CHILDREN");
                    assertThat(refusal.rule()).isEqualTo("R-ORG-2");
                });
    }

    @Test
    @DisplayName("R-ORG-2 a branch with people hands them to a pending branch; an empty org just goes")
    void branchWithPeople() {
        assertThat(DeletionRule.check(org(OrgType.BRANCH), false, 12)).isEqualTo(Outcome.PEOPLE_TO_PENDING_BRANCH);
        assertThat(DeletionRule.check(org(OrgType.GRADUATE_BRANCH), false, 3)).isEqualTo(Outcome.PEOPLE_TO_PENDING_BRANCH);
        assertThat(DeletionRule.check(org(OrgType.BRANCH), false, 0)).isEqualTo(Outcome.NOBODY_TO_MOVE);
    }

    @Test
    @DisplayName("R-ORG-2 a non-branch with people and a non-empty pending branch are not deleted")
    void refusedWithPeople() {
        assertThatThrownBy(() -> DeletionRule.check(org(OrgType.COMMITTEE), false, 2))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> assertThat(refusal.code()).isEqualTo("ORG_HAS_PEOPLE"));
        assertThatThrownBy(() -> DeletionRule.check(org(OrgType.PENDING_BRANCH), false, 1))
                .isInstanceOfSatisfying(ProblemException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("PENDING_BRANCH_NOT_EMPTY"));
        assertThat(DeletionRule.check(org(OrgType.PENDING_BRANCH), false, 0)).isEqualTo(Outcome.NOBODY_TO_MOVE);
    }

    @Test
    @DisplayName("R-ORG-2 the top of the tree is never deleted")
    void top() {
        Org province = new Org(2, 1L, "1.2", OrgType.LEADING_BODY, null, OrgDomain.PARTY_AND_GOVERNMENT, null,
                "团北京市委", "北京团市委", "11", 2L, null, null, null, null, null, null, null, false);
        assertThatThrownBy(() -> DeletionRule.check(province, false, 0)).isInstanceOf(ProblemException.class);
    }
}
