package cn.league.org.deletion;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgType;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

/**
 * R-ORG-2: orgs are deleted bottom-up; a non-branch with people cannot be deleted; a branch with people
 * hands them to a new pending branch (decided by the caller of this rule); a pending branch goes only
 * when empty. The top of the tree is never deleted.
 */
public final class DeletionRule {

    /** What happens to the people of a deleted org. */
    public enum Outcome { NOBODY_TO_MOVE, PEOPLE_TO_PENDING_BRANCH }

    private DeletionRule() {
    }

    public static Outcome check(Org org, boolean hasChildren, int people) {
        if (org.isTopLevel()) {
            throw refused("TOP_ORG_NOT_DELETABLE", "团中央和省级团委不能删除");
        }
        if (hasChildren) {
            throw refused("ORG_HAS_CHILDREN", "该组织还有下级组织,请先删除下级组织");
        }
        if (people == 0) {
            return Outcome.NOBODY_TO_MOVE;
        }
        if (org.type() == OrgType.PENDING_BRANCH) {
            throw refused("PENDING_BRANCH_NOT_EMPTY", "待接转团支部中还有人员,请将人员转出后再删除");
        }
        if (!org.type().isBranch()) {
            throw refused("ORG_HAS_PEOPLE", "该组织还有团员或团干部,不能删除");
        }
        return Outcome.PEOPLE_TO_PENDING_BRANCH;
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "R-ORG-2", detail);
    }
}
