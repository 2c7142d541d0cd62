package cn.league.org.migration;

import java.util.Objects;

import org.springframework.http.HttpStatus;

import cn.league.org.tree.Org;
import cn.league.org.tree.OrgShapeRule;
import cn.league.support.problem.ProblemException;

/**
 * Whether an org may move under a chosen new parent (R-ORG-7, R-ORG-1): only orgs below provincial level, only
 * within their own provincial-level tree, never under themselves or their own subtree, never to the parent they
 * already have, and only under a parent that may hold an org of their type. Checked at request and again at
 * every approval, since the tree may have changed in between.
 */
public final class MigrationTargetRule {

    private MigrationTargetRule() {
    }

    public static void check(Org org, Org newParent) {
        if (org.isTopLevel()) {
            throw refused("TOP_ORG_NOT_MIGRATABLE", "团中央和省级团委不能申请组织迁移,省级团委以下层级的组织可申请省内组织迁移");
        }
        if (!Objects.equals(org.treeRootId(), newParent.treeRootId())) {
            throw refused("CROSS_PROVINCE_MIGRATION", "跨省组织迁移请省级团委管理员线下联系团中央后台处理");
        }
        if (newParent.id() == org.id() || newParent.path().startsWith(org.path() + ".")) {
            throw refused("MIGRATION_INTO_OWN_SUBTREE", "不能迁移到本组织或本组织的下级组织之下");
        }
        if (org.parentId() != null && org.parentId() == newParent.id()) {
            throw refused("MIGRATION_TO_CURRENT_PARENT", "所选组织已是本组织的直属上级,无需迁移");
        }
        OrgShapeRule.checkHolds(newParent.type(), org.type());
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "R-ORG-7", detail);
    }
}
