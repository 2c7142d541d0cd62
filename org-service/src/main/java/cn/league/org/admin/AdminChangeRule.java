package cn.league.org.admin;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgType;
import cn.league.org.scope.Scope;
import cn.league.support.problem.ProblemException;

/**
 * 管理员变更: who may add or remove an org's admins (R-ADM-4: an admin of the org or of its direct parent),
 * whom they may add (R-ADM-2: a cadre of the org; R-ADM-1: within the limit) and whom remove (R-ADM-5:
 * never themselves).
 */
public final class AdminChangeRule {

    /** How the caller stands to the org whose admins change. */
    public enum Actor { OWN_ADMIN, PARENT_ADMIN, HIGHER_ADMIN, OTHER }

    private AdminChangeRule() {
    }

    public static void checkMayChange(Actor actor) {
        switch (actor) {
            case OWN_ADMIN, PARENT_ADMIN -> {
            }
            case HIGHER_ADMIN -> throw new ProblemException(HttpStatus.FORBIDDEN, "ADMIN_CHANGE_NOT_ALLOWED",
                    "R-ADM-4", "只有本组织或直属上级组织的管理员可以变更管理员");
            case OTHER -> throw Scope.outOfScope("R-SCOPE-1");
        }
    }

    public static void checkGrant(OrgType orgType, int admins, boolean alreadyAdmin, boolean isCadre) {
        if (alreadyAdmin) {
            throw alreadyAdmin();
        }
        if (!isCadre) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "ADMIN_MUST_BE_CADRE", "R-ADM-2",
                    "管理员必须是团干部,需要先使用“团干部职务变更”功能让该组织有团干部,再使用“管理员变更”功能添加管理员");
        }
        AdminLimitRule.checkRoomForOneMore(orgType, admins);
    }

    /** Both ID numbers upper-case. */
    public static void checkRevoke(String caller, String revoked, boolean isAdmin) {
        if (caller.equals(revoked)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SELF_REVOKE_NOT_ALLOWED", "R-ADM-5",
                    "管理员不能撤销自己的权限");
        }
        if (!isAdmin) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "ADMIN_NOT_FOUND", "R-ADM-4",
                    "该人员不是本组织的管理员");
        }
    }

    static ProblemException alreadyAdmin() {
        return new ProblemException(HttpStatus.CONFLICT, "ALREADY_ADMIN", "R-ADM-4", "该人员已是本组织的管理员");
    }
}
