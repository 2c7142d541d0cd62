package cn.league.org.admin;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

/** R-ADM-1: a leading body has at most 2 admins, every other org at most 3 (FAQ 4, 5). */
public final class AdminLimitRule {

    private AdminLimitRule() {
    }

    public static int limitFor(OrgType type) {
        return type == OrgType.LEADING_BODY ? 2 : 3;
    }

    /** Refuses one more admin for an org of this type that already has {@code admins}. */
    public static void checkRoomForOneMore(OrgType type, int admins) {
        if (admins < limitFor(type)) {
            return;
        }
        String detail = type == OrgType.LEADING_BODY
                ? "团的领导机关只允许两位管理员,该组织的管理员已满"
                : "团组织最多允许三位管理员,该组织的管理员已满";
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "ADMIN_LIMIT_REACHED", "R-ADM-1", detail);
    }
}
