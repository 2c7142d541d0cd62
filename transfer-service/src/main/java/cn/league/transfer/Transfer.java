package cn.league.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferClosed;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferOutcome;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;
import cn.league.transfer.TransferRefusal.Kind;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.BRANCH_ASSIGNMENT;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.IN_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;

/**
 * A member's 组织关系转接 and its state machine, in plain Java. It waits at its steps ({@link TransferPath}) in
 * order and ends approved, rejected, withdrawn or expired; each move returns the transfer after it, the history
 * entry it adds (R-TR-14) and the events it causes. Who may make a move is decided outside, against the org tree.
 *
 * @param fromParentId   the old branch's direct parent, whose admins may approve for the out-side
 * @param targetParentId the target's direct parent, whose admins may approve for an in-side branch
 * @param toBranch       whether the target is a branch (else a 团委/团工委/团总支 that assigns one)
 * @param toBranchId     the branch the membership goes to: the target branch, or the one assigned
 * @param done           how many of {@code steps} have passed
 * @param stepSince      when the current step started waiting (R-TR-5)
 * @param endReason      the rejection reason the member reads (R-TR-7)
 */
public record Transfer(long id, String idNumber, String name, Initiator initiator, String startedBy, String reason,
                       long fromBranchId, Long fromParentId, String fromPath,
                       long targetOrgId, Long targetParentId, String targetPath, boolean toBranch, Long toBranchId,
                       List<TransferStep> steps, int done, TransferState state, Instant startedAt, Instant stepSince,
                       Instant closedAt, String endedBy, String endReason) {

    /** What happened in one move: written to the transfer's history. */
    public enum Action { STARTED, APPROVED, BRANCH_ASSIGNED, REJECTED, WITHDRAWN, EXPIRED }

    public record Entry(Action action, TransferStep step, String actedBy, Instant at, String reason, Long branchId) {
    }

    public record Change(Transfer after, Entry entry, List<Object> events) {
    }

    public Transfer {
        steps = List.copyOf(steps);
    }

    /** A new open transfer waiting at its first step; {@code id} is 0 until stored. */
    public static Transfer start(String idNumber, String name, Initiator initiator, String startedBy, String reason,
                                 long fromBranchId, Long fromParentId, String fromPath, long targetOrgId,
                                 Long targetParentId, String targetPath, boolean toBranch, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new TransferRefusal(Kind.INVALID, "TRANSFER_REASON_REQUIRED", "R-TR-2", "请选择转接原因");
        }
        if (toBranch && fromBranchId == targetOrgId) {
            throw new TransferRefusal(Kind.CONFLICT, "ALREADY_IN_TARGET", "R-TR-3", "该团员的组织关系已在转入组织");
        }
        return new Transfer(0, idNumber, name, initiator, startedBy, reason.strip(), fromBranchId, fromParentId,
                fromPath, targetOrgId, targetParentId, targetPath, toBranch, toBranch ? targetOrgId : null,
                TransferPath.stepsFor(initiator, toBranch), 0, TransferState.OPEN, now, now, null, null, null);
    }

    public Transfer withId(long newId) {
        return new Transfer(newId, idNumber, name, initiator, startedBy, reason, fromBranchId, fromParentId, fromPath,
                targetOrgId, targetParentId, targetPath, toBranch, toBranchId, steps, done, state, startedAt,
                stepSince, closedAt, endedBy, endReason);
    }

    public Entry startEntry() {
        return new Entry(Action.STARTED, null, startedBy, startedAt, reason, null);
    }

    /** The step it waits at, or null once it ended. */
    public TransferStep currentStep() {
        return state.open() ? steps.get(done) : null;
    }

    /** The org whose admins act on the current step, or null once it ended. */
    public Long waitingAt() {
        TransferStep step = currentStep();
        if (step == null) {
            return null;
        }
        return step == OUT_SIDE_APPROVAL ? fromBranchId : targetOrgId;
    }

    /** The direct parent whose admins may act instead (old or new branch's parent, FAQ 22), or null. */
    public Long waitingParent() {
        TransferStep step = currentStep();
        if (step == OUT_SIDE_APPROVAL) {
            return fromParentId;
        }
        return step == IN_SIDE_APPROVAL && toBranch ? targetParentId : null;
    }

    /** An approval of the current step (R-TR-2, R-TR-3); the last one approves the transfer. */
    public Change approve(String by, Instant now) {
        TransferStep step = requireOpen();
        if (step == BRANCH_ASSIGNMENT) {
            throw new TransferRefusal(Kind.CONFLICT, "BRANCH_ASSIGNMENT_REQUIRED", "R-TR-3", "请分配新成员加入的团支部");
        }
        return pass(step, by, now, Action.APPROVED, toBranchId);
    }

    /** R-TR-3: the receiving 团委/团工委/团总支 names the branch below it; always the last step. */
    public Change assignBranch(long branchId, String by, Instant now) {
        TransferStep step = requireOpen();
        if (step != BRANCH_ASSIGNMENT) {
            throw new TransferRefusal(Kind.CONFLICT, "NOT_AT_BRANCH_ASSIGNMENT", "R-TR-3", "该转接当前不在分配团支部阶段");
        }
        return pass(step, by, now, Action.BRANCH_ASSIGNED, branchId);
    }

    private Change pass(TransferStep step, String by, Instant now, Action action, Long branchId) {
        int passed = done + 1;
        boolean last = passed == steps.size();
        TransferStep next = last ? null : steps.get(passed);
        List<Object> events = new ArrayList<>();
        events.add(new TransferStepDone(id, idNumber, step, by, next,
                step == BRANCH_ASSIGNMENT ? branchId : null));
        Transfer after;
        if (last) {
            after = new Transfer(id, idNumber, name, initiator, startedBy, reason, fromBranchId, fromParentId,
                    fromPath, targetOrgId, targetParentId, targetPath, toBranch, branchId, steps, passed,
                    TransferState.APPROVED, startedAt, stepSince, now, by, null);
            events.add(new TransferApproved(id, idNumber, fromBranchId, branchId));
            events.add(new TransferClosed(id, idNumber, TransferOutcome.APPROVED));
        } else {
            after = new Transfer(id, idNumber, name, initiator, startedBy, reason, fromBranchId, fromParentId,
                    fromPath, targetOrgId, targetParentId, targetPath, toBranch, toBranchId, steps, passed,
                    TransferState.OPEN, startedAt, now, null, null, null);
        }
        return new Change(after, new Entry(action, step, by, now, null,
                step == BRANCH_ASSIGNMENT ? branchId : null), events);
    }

    /** R-TR-7: 退回, with a reason the member reads. */
    public Change reject(String by, String why, Instant now) {
        TransferStep step = requireOpen();
        if (why == null || why.isBlank()) {
            throw new TransferRefusal(Kind.INVALID, "REJECTION_REASON_REQUIRED", "R-TR-7", "请填写退回原因");
        }
        String reasonGiven = why.strip();
        return end(TransferState.REJECTED, step, by, reasonGiven, now,
                new TransferRejected(id, idNumber, step, by, reasonGiven), TransferOutcome.REJECTED, Action.REJECTED);
    }

    /** R-TR-6: 撤销申请 before the last approval, i.e. while the transfer is open. */
    public Change withdraw(String by, Instant now) {
        TransferStep step = requireOpen();
        return end(TransferState.WITHDRAWN, step, by, null, now, new TransferWithdrawn(id, idNumber, by),
                TransferOutcome.WITHDRAWN, Action.WITHDRAWN);
    }

    /** R-TR-5: the system ends a transfer whose step waited 10 days; refused before that. */
    public Change expire(Instant now) {
        TransferStep step = requireOpen();
        if (!TransferDeadline.expired(stepSince, now)) {
            throw new TransferRefusal(Kind.CONFLICT, "STEP_NOT_EXPIRED", "R-TR-5", "该转接尚未超过审批时限");
        }
        return end(TransferState.EXPIRED, step, null, "超过10天未审批,系统自动终止", now,
                new TransferExpired(id, idNumber, step), TransferOutcome.EXPIRED, Action.EXPIRED);
    }

    private Change end(TransferState ended, TransferStep step, String by, String why, Instant now, Object event,
                       TransferOutcome outcome, Action action) {
        Transfer after = new Transfer(id, idNumber, name, initiator, startedBy, reason, fromBranchId, fromParentId,
                fromPath, targetOrgId, targetParentId, targetPath, toBranch, toBranchId, steps, done, ended,
                startedAt, stepSince, now, by, why);
        return new Change(after, new Entry(action, step, by, now, why, null),
                List.of(event, new TransferClosed(id, idNumber, outcome)));
    }

    private TransferStep requireOpen() {
        if (!state.open()) {
            throw new TransferRefusal(Kind.CONFLICT, "TRANSFER_NOT_OPEN", "R-TR-6",
                    state == TransferState.APPROVED ? "该转接已审批完成,不能再操作" : "该转接已终止,不能再操作");
        }
        return steps.get(done);
    }
}
