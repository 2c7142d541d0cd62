package cn.league.org.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MigrationTargetRuleTest {

    static final Org CENTRAL = org(1, null, "1", OrgType.LEADING_BODY, null);
    static final Org BEIJING = org(2, 1L, "1.2", OrgType.LEADING_BODY, 2L);
    static final Org TIANJIN = org(3, 1L, "1.3", OrgType.LEADING_BODY, 3L);
    static final Org DISTRICT = org(1000, 2L, "1.2.1000", OrgType.LEADING_BODY, 2L);
    static final Org OTHER_DISTRICT = org(1001, 2L, "1.2.1001", OrgType.LEADING_BODY, 2L);
    static final Org COMMITTEE = org(1002, 1000L, "1.2.1000.1002", OrgType.COMMITTEE, 2L);
    static final Org SUB_COMMITTEE = org(1003, 1002L, "1.2.1000.1002.1003", OrgType.GENERAL_BRANCH, 2L);
    /** Its path shares the committee's digits but is not inside it. */
    static final Org LOOKALIKE = org(10020, 1001L, "1.2.1001.10020", OrgType.COMMITTEE, 2L);
    static final Org BRANCH = org(1004, 1001L, "1.2.1001.1004", OrgType.BRANCH, 2L);
    static final Org TIANJIN_DISTRICT = org(1005, 3L, "1.3.1005", OrgType.LEADING_BODY, 3L);

    @Test
    @DisplayName("R-ORG-7 an org below provincial level moves under another org of its own province")
    void withinTheProvince() {
        assertThatCode(() -> MigrationTargetRule.check(COMMITTEE, OTHER_DISTRICT)).doesNotThrowAnyException();
        assertThatCode(() -> MigrationTargetRule.check(COMMITTEE, LOOKALIKE)).doesNotThrowAnyException();
        assertThatCode(() -> MigrationTargetRule.check(COMMITTEE, BEIJING)).as("up to the provincial org itself")
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-ORG-7 across provincial-level trees: refused online, with the FAQ's words")
    void acrossProvinces() {
        ProblemException refused = refused(COMMITTEE, TIANJIN_DISTRICT);
        assertThat(refused.code()).isEqualTo("CROSS_PROVINCE_MIGRATION");
        assertThat(refused.rule()).isEqualTo("R-ORG-7");
        assertThat(refused.detail()).isEqualTo("跨省组织迁移请省级团委管理员线下联系团中央后台处理");
        assertThat(refused(COMMITTEE, CENTRAL).code()).isEqualTo("CROSS_PROVINCE_MIGRATION");
    }

    @Test
    @DisplayName("R-ORG-7 团中央 and provincial-level orgs do not migrate")
    void topOrgs() {
        assertThat(refused(BEIJING, TIANJIN).code()).isEqualTo("TOP_ORG_NOT_MIGRATABLE");
        assertThat(refused(CENTRAL, BEIJING).code()).isEqualTo("TOP_ORG_NOT_MIGRATABLE");
    }

    @Test
    @DisplayName("R-ORG-7 not under itself nor anything in its own subtree")
    void notIntoItsOwnSubtree() {
        assertThat(refused(COMMITTEE, COMMITTEE).code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
        assertThat(refused(COMMITTEE, SUB_COMMITTEE).code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
        assertThat(refused(DISTRICT, SUB_COMMITTEE).code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
    }

    @Test
    @DisplayName("R-ORG-7 not to the parent it already has")
    void notToItsCurrentParent() {
        assertThat(refused(COMMITTEE, DISTRICT).code()).isEqualTo("MIGRATION_TO_CURRENT_PARENT");
    }

    @Test
    @DisplayName("R-ORG-1 the new parent must be able to hold the org's type")
    void shapeOfTheTree() {
        ProblemException underBranch = refused(SUB_COMMITTEE, BRANCH);
        assertThat(underBranch.code()).isEqualTo("ORG_SHAPE_NOT_ALLOWED");
        assertThat(underBranch.rule()).isEqualTo("R-ORG-1");
        assertThat(refused(BRANCH, DISTRICT).code()).as("a leading body holds no branch")
                .isEqualTo("ORG_SHAPE_NOT_ALLOWED");
    }

    private static ProblemException refused(Org org, Org newParent) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> MigrationTargetRule.check(org, newParent));
        assertThat(refused).as("%s under %s", org.path(), newParent.path()).isNotNull();
        return refused;
    }

    static Org org(long id, Long parentId, String path, OrgType type, Long treeRootId) {
        return new Org(id, parentId, path, type, null, OrgDomain.STATE_ENTERPRISE, null, "org " + id, "org " + id,
                null, treeRootId, null, null, null, null, null, null, null, true);
    }
}
