package cn.league.member.deletion;

import org.springframework.http.HttpStatus;

import cn.league.member.scope.MemberScope;
import cn.league.support.problem.ProblemException;

/**
 * R-MEM-8 (FAQ 28, 70): only an admin of a leading body (团的领导机关) over the person deletes them, with a
 * reason; branch and committee admins cannot. An admin is not deleted until their admin rights are revoked,
 * and nobody is deleted while in a transfer. Deletion is not a way to move someone (FAQ 70): the record and
 * its ID number stay (R-AUTH-5), so a deleted person cannot be entered or registered again.
 */
public final class DeletionRule {

    private DeletionRule() {
    }

    /**
     * @param callerOverPerson             the caller administers an org holding the person's membership or a post
     * @param leadingBodyCallerOverPerson  one such org of the caller's is a leading body
     * @param personIsAdmin                the person administers any org
     * @param personInTransfer             the person has an open transfer
     */
    public record Facts(boolean callerOverPerson, boolean leadingBodyCallerOverPerson, boolean personIsAdmin,
                        boolean personInTransfer) {
    }

    public static void check(Facts facts, String reason) {
        if (!facts.callerOverPerson()) {
            throw MemberScope.outOfScope();
        }
        if (!facts.leadingBodyCallerOverPerson()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "LEADING_BODY_ONLY", "R-MEM-8",
                    "团员删除权限仅对团的领导机关开放");
        }
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "DELETION_REASON_REQUIRED", "R-MEM-8",
                    "请填写删除原因");
        }
        if (facts.personIsAdmin()) {
            throw new ProblemException(HttpStatus.CONFLICT, "PERSON_IS_ADMIN", "R-MEM-8",
                    "被删除成员为管理员,无法直接删除,需要先撤销其管理员身份");
        }
        if (facts.personInTransfer()) {
            throw new ProblemException(HttpStatus.CONFLICT, "PERSON_IN_TRANSFER", "R-MEM-8",
                    "被删除成员正在组织关系转接流程中,无法删除");
        }
    }
}
