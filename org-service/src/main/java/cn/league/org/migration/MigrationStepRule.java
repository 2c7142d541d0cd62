package cn.league.org.migration;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgEvents.MigrationApprover;
import cn.league.org.scope.Scope;
import cn.league.support.problem.ProblemException;

/**
 * Who decides a migration at which step (R-ORG-7, R-SCOPE-2): first an admin of the org's old direct parent,
 * then an admin of the new parent; each may approve or reject only at their own step. The requester may
 * withdraw while the migration is open, i.e. before the last approval.
 */
public final class MigrationStepRule {

    /** What the caller is to this migration. */
    public record Party(boolean oldParentAdmin, boolean newParentAdmin) {
    }

    private MigrationStepRule() {
    }

    /** @return the step the caller decides now; refused when it is not theirs */
    public static MigrationApprover decidingAs(Migration migration, Party party) {
        if (!migration.state().isOpen()) {
            throw closed();
        }
        if (migration.state().awaiting() == MigrationApprover.OLD_PARENT) {
            if (party.oldParentAdmin()) {
                return MigrationApprover.OLD_PARENT;
            }
            if (party.newParentAdmin()) {
                throw outOfOrder("该迁移申请需先由原直属上级组织管理员审批,再由迁入组织管理员审批");
            }
            throw new ProblemException(HttpStatus.FORBIDDEN, "MIGRATION_NOT_APPROVER", "R-SCOPE-2",
                    "只有原直属上级组织的管理员可以审批该迁移申请");
        }
        if (party.newParentAdmin()) {
            return MigrationApprover.NEW_PARENT;
        }
        if (party.oldParentAdmin()) {
            throw outOfOrder("原直属上级组织已审批,该迁移申请等待迁入组织管理员审批");
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "MIGRATION_NOT_APPROVER", "R-ORG-7",
                "只有迁入组织的管理员可以审批该迁移申请");
    }

    public static void checkWithdrawal(Migration migration, String caller) {
        if (!migration.requestedBy().equals(Scope.normalised(caller))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "MIGRATION_REQUESTER_ONLY", "R-ORG-7",
                    "只有申请人可以撤销迁移申请");
        }
        if (!migration.state().isOpen()) {
            throw closed();
        }
    }

    private static ProblemException outOfOrder(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "MIGRATION_STEP_OUT_OF_ORDER", "R-ORG-7", detail);
    }

    private static ProblemException closed() {
        return new ProblemException(HttpStatus.CONFLICT, "MIGRATION_CLOSED", "R-ORG-7", "该迁移申请已办结,不能再审批或撤销");
    }
}
