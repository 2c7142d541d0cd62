package cn.league.org.school;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

/**
 * R-GRAD-1: the graduation time (毕业时间) of a BRANCH whose domain is a school other than 小学 is marked by the
 * admins of the school-domain 团委 / 团工委 / 团总支 above it, or — where a whole school is one branch — by its
 * direct parent's admin; never by the branch's own admin (FAQ 50, 51). R-GRAD-2: a mark can be changed or cleared
 * (FAQ 49).
 * <p><b>Decision</b>: a mark names a year from this year to ten years ahead.
 */
public final class GraduationMarkRule {

    static final int YEARS_AHEAD = 10;

    private GraduationMarkRule() {
    }

    /** FAQ 51 (2) and (3): whether the org is a branch that can be marked. */
    public static boolean markable(Org org) {
        return org.type() == OrgType.BRANCH && isSchoolBranch(org);
    }

    /** FAQ 51 (2) and (3): what can be marked. */
    public static void checkBranch(Org branch) {
        if (branch.type() != OrgType.BRANCH) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "GRADUATION_MARK_NOT_A_BRANCH", "R-GRAD-1",
                    "被标记的团组织的组织类别不是团支部");
        }
        if (!isSchoolBranch(branch)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "GRADUATION_MARK_NOT_A_SCHOOL_BRANCH",
                    "R-GRAD-1", "被标记的团组织\"单位所属行业类别\"选项为空,小学或者不是学校领域");
        }
    }

    /**
     * FAQ 50, 51 (1): who marks.
     *
     * @param administeredOnPath the orgs the caller administers among the branch and its ancestors
     */
    public static void checkMarker(Org branch, List<Org> administeredOnPath) {
        if (administeredOnPath.isEmpty()) {
            throw Scope.outOfScope("R-SCOPE-1");
        }
        if (mayMark(branch, administeredOnPath)) {
            return;
        }
        if (administeredOnPath.stream().allMatch(org -> org.id() == branch.id())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "BRANCH_ADMIN_CANNOT_MARK", "R-GRAD-1",
                    "团支部管理员无权标记团支部毕业时间");
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "GRADUATION_MARKER_NOT_ALLOWED", "R-GRAD-1",
                "学校领域各级团组织管理员(团支部管理员除外)和学校团支部的直属上级才有权限标记团支部毕业时间");
    }

    /**
     * FAQ 50, 51 (1): whether one who administers these orgs among the branch and its ancestors may mark it — an
     * admin of its direct parent or of a school-domain 团委 / 团工委 / 团总支 above it.
     */
    public static boolean mayMark(Org branch, List<Org> administeredOnPath) {
        return administeredOnPath.stream().anyMatch(org -> org.id() != branch.id()
                && (Long.valueOf(org.id()).equals(branch.parentId()) || isSchoolBody(org)));
    }

    /**
     * Whether one who administers these orgs among {@code parent} and its ancestors may mark the branches right
     * under {@code parent}: as their direct parent's admin, or as an admin of a school body at or above it.
     */
    public static boolean mayMarkChildrenOf(Org parent, List<Org> administeredOnPath) {
        return administeredOnPath.stream().anyMatch(org -> org.id() == parent.id() || isSchoolBody(org));
    }

    private static boolean isSchoolBody(Org org) {
        return org.domain() == OrgDomain.SCHOOL && org.type().isGrassrootsBody();
    }

    private static boolean isSchoolBranch(Org org) {
        return org.domain() == OrgDomain.SCHOOL && org.schoolLevel() != null && org.schoolLevel() != SchoolLevel.PRIMARY;
    }

    /** @param year the new mark, or null to clear it */
    public static void checkYear(Integer year, int currentYear) {
        if (year != null && (year < currentYear || year > currentYear + YEARS_AHEAD)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "GRADUATION_YEAR_OUT_OF_RANGE", "R-GRAD-1",
                    "毕业时间应在今年至" + (currentYear + YEARS_AHEAD) + "年之间");
        }
    }
}
