package cn.league.transfer.approval;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferPublication;
import cn.league.transfer.TransferRefusal.Kind;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferStore;

/**
 * The moves on an open transfer: approve (R-TR-2, R-TR-3), assign a branch (R-TR-3), reject with a reason
 * (R-TR-7), withdraw (R-TR-6). Each locks the row, so two decisions never both pass.
 */
@Service
public class TransferDecisions {

    private final TransferStore transfers;
    private final Approvers approvers;
    private final OrgTree tree;
    private final TransferPublication publication;
    private final Clock clock;

    TransferDecisions(TransferStore transfers, Approvers approvers, OrgTree tree, TransferPublication publication,
                      ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.approvers = approvers;
        this.tree = tree;
        this.publication = publication;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public Transfer approve(String caller, long transferId) {
        Transfer transfer = lockedForApprover(caller, transferId);
        return apply(transfer.approve(caller, clock.instant()));
    }

    /** R-TR-3, R-TR-4: the branch must exist and be a working branch below the receiving body. */
    @Transactional
    public Transfer assignBranch(String caller, long transferId, long branchId) {
        Transfer transfer = lockedForApprover(caller, transferId);
        Transfer.Change change = transfer.assignBranch(branchId, caller, clock.instant()); // refused at other steps
        OrgSnapshot branch = tree.find(branchId).orElse(null);
        if (branch == null || branch.type() != OrgType.BRANCH || !tree.isWithin(branchId, transfer.targetOrgId())) {
            throw new TransferRefusal(Kind.INVALID, "BRANCH_NOT_BELOW_TARGET", "R-TR-3", "请选择本组织下属的团支部");
        }
        return apply(change);
    }

    @Transactional
    public Transfer reject(String caller, long transferId, String reason) {
        Transfer transfer = lockedForApprover(caller, transferId);
        return apply(transfer.reject(caller, reason, clock.instant()));
    }

    /** R-TR-6 (FAQ 72, 73): the initiator, or the member themself, withdraws. */
    @Transactional
    public Transfer withdraw(String caller, long transferId) {
        Transfer transfer = locked(caller, transferId);
        if (!caller.equals(transfer.startedBy()) && !caller.equals(transfer.idNumber())) {
            throw new TransferRefusal(Kind.FORBIDDEN, "NOT_INITIATOR", "R-TR-6", "只有发起方或团员本人可以撤销申请");
        }
        return apply(transfer.withdraw(caller, clock.instant()));
    }

    /**
     * The transfer, locked, for a caller who acts on its current step; an ended one too, so that the aggregate
     * refuses the move with TRANSFER_NOT_OPEN. The approver's own check comes first: it answers for nearly every
     * call with one query, where telling an outsider (404) from a bystander (403) takes two more.
     */
    private Transfer lockedForApprover(String caller, long transferId) {
        Transfer transfer = transfers.lock(transferId).orElseThrow(TransferDecisions::notFound);
        if (!approvers.mayAct(caller, transfer)) {
            requireVisible(caller, transfer);
            approvers.requireMayAct(caller, transfer);
        }
        return transfer;
    }

    private Transfer locked(String caller, long transferId) {
        Transfer transfer = transfers.lock(transferId).orElseThrow(TransferDecisions::notFound);
        requireVisible(caller, transfer);
        return transfer;
    }

    private void requireVisible(String caller, Transfer transfer) {
        if (!approvers.maySee(caller, transfer)) {
            throw notFound(); // outside both sides: as if not there
        }
    }

    private Transfer apply(Transfer.Change change) {
        transfers.update(change.after());
        transfers.addEntry(change.after().id(), change.entry());
        publication.publish(change.after(), change.events());
        return change.after();
    }

    public static TransferRefusal notFound() {
        return new TransferRefusal(Kind.NOT_FOUND, "TRANSFER_NOT_FOUND", null, "转接业务不存在");
    }
}
