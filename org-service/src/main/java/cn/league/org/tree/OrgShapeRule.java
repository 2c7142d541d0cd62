package cn.league.org.tree;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

/**
 * R-ORG-1: a leading body holds leading bodies or grassroots bodies (团委 / 团工委 / 团总支); a grassroots
 * body holds grassroots bodies or branches; a branch holds no org. Pending and graduate branches are
 * made by the system only (R-ORG-2, R-GRAD-3). Branch flags belong to branches.
 */
public final class OrgShapeRule {

    private OrgShapeRule() {
    }

    public static void checkNewChild(OrgType parent, OrgType child, BranchKind branchKind) {
        if (child == OrgType.PENDING_BRANCH || child == OrgType.GRADUATE_BRANCH) {
            throw refused("待接转团支部和毕业生团组织由系统生成,不能手动建立");
        }
        checkHolds(parent, child);
        if (branchKind != null && child != OrgType.BRANCH) {
            throw refused("只有团支部可以是学社衔接临时团支部或流动团支部");
        }
    }

    /** Whether an org of type {@code parent} may hold one of type {@code child}; any branch counts as a branch. */
    public static void checkHolds(OrgType parent, OrgType child) {
        if (parent.isBranch()) {
            throw refused("团支部下不能建立下级组织");
        }
        if (parent == OrgType.LEADING_BODY && !(child == OrgType.LEADING_BODY || child.isGrassrootsBody())) {
            throw refused("团的领导机关下只能建立团的领导机关或团委、团工委、团总支");
        }
        if (parent.isGrassrootsBody() && !(child.isGrassrootsBody() || child.isBranch())) {
            throw refused("团委、团工委、团总支下只能建立团委、团工委、团总支或团支部");
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "ORG_SHAPE_NOT_ALLOWED", "R-ORG-1", detail);
    }
}
