package cn.league.transfer.approverview;

import java.util.List;
import java.util.Set;

import cn.league.transfer.Transfer;
import cn.league.transfer.Transfer.Action;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferRefusal.Kind;

/**
 * R-TR-13 (FAQ 68): who reads the approver view — the member's contacts, their org's admins' contacts and the
 * emergency contact. The admins who may act on the transfer's current step, and those who already decided a
 * step (they may need to reach the member afterwards). <b>Decision</b>: nobody else, not even the member: the
 * page exists to let approvers verify the person, and it shows other people's contacts (the admins'); the
 * member reads their own transfer and history (R-SCOPE-3) and their own profile in member-service.
 */
final class ApproverViewRule {

    private static final Set<Action> DECISIONS = Set.of(Action.APPROVED, Action.BRANCH_ASSIGNED, Action.REJECTED);

    private ApproverViewRule() {
    }

    /** @param mayActNow whether the caller administers the org the current step waits at (or its parent) */
    static void requireApprover(String caller, boolean mayActNow, List<Transfer.Entry> entries) {
        if (!mayActNow && !decidedBy(caller, entries)) {
            throw new TransferRefusal(Kind.FORBIDDEN, "NOT_APPROVER", "R-TR-13", "审批页面仅向该转接的审批组织管理员开放");
        }
    }

    static boolean decidedBy(String caller, List<Transfer.Entry> entries) {
        return entries.stream().anyMatch(entry -> DECISIONS.contains(entry.action())
                && caller.equalsIgnoreCase(entry.actedBy()));
    }
}
