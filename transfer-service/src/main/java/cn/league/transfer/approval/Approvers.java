package cn.league.transfer.approval;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferRefusal.Kind;

/**
 * Who acts on a transfer's current step (FAQ 22, 23): the admins of the org it waits at, or of that org's direct
 * parent where the FAQ allows it (old branch's parent, new branch's parent). Nobody higher, nobody below.
 */
@Component
public class Approvers {

    private final OrgTree tree;

    Approvers(OrgTree tree) {
        this.tree = tree;
    }

    /** An ended transfer passes here, so that the aggregate refuses the move with TRANSFER_NOT_OPEN. */
    public void requireMayAct(String caller, Transfer transfer) {
        if (transfer.state().open() && !mayAct(caller, transfer)) {
            throw new TransferRefusal(Kind.FORBIDDEN, "NOT_APPROVER", "R-SCOPE-1", "您不是该转接当前环节的审批组织管理员");
        }
    }

    public boolean mayAct(String caller, Transfer transfer) {
        Long at = transfer.waitingAt();
        if (at == null) {
            return false;
        }
        Set<Long> administered = tree.administeredBy(caller);
        return administered.contains(at)
                || (transfer.waitingParent() != null && administered.contains(transfer.waitingParent()));
    }

    /**
     * R-SCOPE-1/3: the member, or an admin of either side or above it; never a sibling's or a child's admin. The
     * provincial-level approver of a special unit (R-TR-8) is above the out-side.
     */
    public boolean maySee(String caller, Transfer transfer) {
        return caller.equals(transfer.idNumber()) || caller.equals(transfer.startedBy())
                || tree.mayActOn(caller, transfer.fromBranchId())
                || (transfer.targetOrgId() != null && tree.mayActOn(caller, transfer.targetOrgId()));
    }
}
