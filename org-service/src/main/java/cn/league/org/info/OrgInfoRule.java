package cn.league.org.info;

import java.util.Objects;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgType;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

/**
 * R-ORG-3: org info is edited by the org's own admin or its direct parent's admin.
 * R-ORG-4: the category changes once, by the org's own admin, when first verifying the info; names and
 * domain change any time; 团中央 and the provincial-level orgs keep category, names and domain for good.
 */
public final class OrgInfoRule {

    /** How the editor stands to the org. */
    public enum Editor { OWN_ADMIN, PARENT_ADMIN, OTHER }

    private OrgInfoRule() {
    }

    public static void checkEditor(Editor editor) {
        if (editor == Editor.OTHER) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "ORG_INFO_EDITOR_ONLY", "R-ORG-3",
                    "团组织信息只能由本组织或直属上级组织的管理员修改");
        }
    }

    public static void check(Org org, OrgInfoChange change, Editor editor) {
        checkEditor(editor);
        boolean categoryChanges = change.type() != org.type();
        boolean namesOrDomainChange = !change.fullName().strip().equals(org.fullName())
                || !change.shortName().strip().equals(org.shortName())
                || change.domain() != org.domain()
                || !Objects.equals(change.schoolLevel(), org.schoolLevel());
        if (org.isTopLevel() && (categoryChanges || namesOrDomainChange)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "TOP_ORG_INFO_FIXED", "R-ORG-4",
                    "团中央、省级团委的组织类别、简称、全称、行业类别不可修改");
        }
        if (!categoryChanges) {
            return;
        }
        if (editor != Editor.OWN_ADMIN) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "CATEGORY_OWN_ADMIN_ONLY", "R-ORG-4",
                    "组织类别只能由本组织管理员在首次核对组织信息时修改");
        }
        if (org.categoryConfirmed()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CATEGORY_ALREADY_CHANGED", "R-ORG-4",
                    "组织类别只能修改一次,已不能再修改");
        }
        if (change.type() == OrgType.PENDING_BRANCH || change.type() == OrgType.GRADUATE_BRANCH
                || org.type() == OrgType.PENDING_BRANCH || org.type() == OrgType.GRADUATE_BRANCH) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CATEGORY_SYSTEM_MANAGED", "R-ORG-4",
                    "待接转团支部和毕业生团组织的组织类别由系统管理");
        }
    }
}
