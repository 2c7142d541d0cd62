package cn.league.org.tree;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BranchKindRuleTest {

    @Test
    @DisplayName("R-GRAD-5 an enterprise park's 团工委 may make a 学社衔接临时团支部")
    void enterpriseParkWorkCommittee() {
        for (OrgDomain park : new OrgDomain[] {OrgDomain.PRIVATE_ENTERPRISE, OrgDomain.STATE_ENTERPRISE, OrgDomain.OTHER}) {
            assertThatCode(() -> BranchKindRule.checkParent(OrgType.WORK_COMMITTEE, park,
                    BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY)).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("R-GRAD-5 a township's or street's 团工委, the model FAQ 56 names, may make one too")
    void townshipWorkCommittee() {
        assertThatCode(() -> BranchKindRule.checkParent(OrgType.WORK_COMMITTEE, OrgDomain.URBAN_COMMUNITY,
                BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-GRAD-5 a 团委, a 团总支, or a 团工委 of a school or public institution may not")
    void othersMayNot() {
        assertRefused(OrgType.COMMITTEE, OrgDomain.PRIVATE_ENTERPRISE, BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY,
                "TEMPORARY_BRANCH_PARENT_NOT_ALLOWED", "R-GRAD-5");
        assertRefused(OrgType.GENERAL_BRANCH, OrgDomain.STATE_ENTERPRISE, BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY,
                "TEMPORARY_BRANCH_PARENT_NOT_ALLOWED", "R-GRAD-5");
        assertRefused(OrgType.WORK_COMMITTEE, OrgDomain.SCHOOL, BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY,
                "TEMPORARY_BRANCH_PARENT_NOT_ALLOWED", "R-GRAD-5");
        assertRefused(OrgType.WORK_COMMITTEE, OrgDomain.PUBLIC_INSTITUTION, BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY,
                "TEMPORARY_BRANCH_PARENT_NOT_ALLOWED", "R-GRAD-5");
    }

    @Test
    @DisplayName("R-TR-11 a 流动团支部 sits under a township (农村) or street (城市社区) org, nowhere else")
    void floatingBranch() {
        assertThatCode(() -> BranchKindRule.checkParent(OrgType.COMMITTEE, OrgDomain.RURAL, BranchKind.FLOATING))
                .doesNotThrowAnyException();
        assertThatCode(() -> BranchKindRule.checkParent(OrgType.WORK_COMMITTEE, OrgDomain.URBAN_COMMUNITY,
                BranchKind.FLOATING)).doesNotThrowAnyException();
        assertRefused(OrgType.COMMITTEE, OrgDomain.PRIVATE_ENTERPRISE, BranchKind.FLOATING,
                "FLOATING_BRANCH_PARENT_NOT_ALLOWED", "R-TR-11");
        assertRefused(OrgType.COMMITTEE, OrgDomain.SCHOOL, BranchKind.FLOATING,
                "FLOATING_BRANCH_PARENT_NOT_ALLOWED", "R-TR-11");
    }

    @Test
    @DisplayName("an unflagged branch may sit anywhere R-ORG-1 allows")
    void plainBranch() {
        assertThatCode(() -> BranchKindRule.checkParent(OrgType.COMMITTEE, OrgDomain.SCHOOL, null))
                .doesNotThrowAnyException();
    }

    private static void assertRefused(OrgType parentType, OrgDomain parentDomain, BranchKind kind, String code,
                                      String rule) {
        assertThatThrownBy(() -> BranchKindRule.checkParent(parentType, parentDomain, kind))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(code);
                    assertThat(refused.rule()).isEqualTo(rule);
                });
    }
}
