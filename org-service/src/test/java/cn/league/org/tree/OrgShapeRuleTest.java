package cn.league.org.tree;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgShapeRuleTest {

    @Test
    @DisplayName("R-ORG-1 a leading body holds leading bodies and grassroots bodies, not branches")
    void leadingBody() {
        for (OrgType child : new OrgType[] {OrgType.LEADING_BODY, OrgType.COMMITTEE, OrgType.WORK_COMMITTEE,
                OrgType.GENERAL_BRANCH}) {
            assertThatCode(() -> OrgShapeRule.checkNewChild(OrgType.LEADING_BODY, child, null)).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> OrgShapeRule.checkNewChild(OrgType.LEADING_BODY, OrgType.BRANCH, null))
                .isInstanceOf(ProblemException.class).hasMessage("团的领导机关下只能建立团的领导机关或团委、团工委、团总支");
    }

    @Test
    @DisplayName("R-ORG-1 grassroots bodies hold grassroots bodies and branches, never leading bodies")
    void grassrootsBodies() {
        for (OrgType parent : new OrgType[] {OrgType.COMMITTEE, OrgType.WORK_COMMITTEE, OrgType.GENERAL_BRANCH}) {
            assertThatCode(() -> OrgShapeRule.checkNewChild(parent, OrgType.BRANCH, null)).doesNotThrowAnyException();
            assertThatCode(() -> OrgShapeRule.checkNewChild(parent, OrgType.GENERAL_BRANCH, null))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> OrgShapeRule.checkNewChild(parent, OrgType.LEADING_BODY, null))
                    .isInstanceOf(ProblemException.class);
        }
    }

    @Test
    @DisplayName("R-ORG-1 no branch of any kind holds an org")
    void branchesAreLeaves() {
        for (OrgType branch : new OrgType[] {OrgType.BRANCH, OrgType.PENDING_BRANCH, OrgType.GRADUATE_BRANCH}) {
            assertThatThrownBy(() -> OrgShapeRule.checkNewChild(branch, OrgType.BRANCH, null))
                    .isInstanceOf(ProblemException.class).hasMessage("团支部下不能建立下级组织");
        }
    }

    @Test
    @DisplayName("R-ORG-1 pending and graduate branches are made by the system only; flags belong to branches")
    void systemMadeAndFlags() {
        assertThatThrownBy(() -> OrgShapeRule.checkNewChild(OrgType.COMMITTEE, OrgType.PENDING_BRANCH, null))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> OrgShapeRule.checkNewChild(OrgType.COMMITTEE, OrgType.GRADUATE_BRANCH, null))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> OrgShapeRule.checkNewChild(OrgType.LEADING_BODY, OrgType.COMMITTEE, BranchKind.FLOATING))
                .isInstanceOf(ProblemException.class);
        assertThatCode(() -> OrgShapeRule.checkHolds(OrgType.COMMITTEE, OrgType.PENDING_BRANCH))
                .as("an existing pending branch fits under a committee").doesNotThrowAnyException();
    }
}
