package cn.league.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.transfer.TransferRefusal.Kind;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.BRANCH_ASSIGNMENT;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.IN_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;

/**
 * A member's 组织关系转接 and its state machine, in plain Java. It waits at its steps ({@link TransferPath}) in
 * order and ends approved, rejected, withdrawn or expired; each move returns the transfer after it, the history
 * entry it adds (R-TR-14) and the events it causes. Who may make a move is decided outside, against the org tree.
 *
 * @param kind           ordinary, a committee's batch move (R-TR-4), a special unit (R-TR-8), a system outside (R-TR-9)
 * @param fromParentId   the old branch's direct parent, whose admins may approve for the out-side
 * @param targetOrgId    the org it goes to; null when it leaves the tree (special unit, system outside)
 * @param targetParentId the target's direct parent, whose admins may approve for an in-side branch
 * @param toBranch       whether the target is a branch (else a 团委/团工委/团总支 that assigns one)
 * @param toBranchId     the branch the membership goes to: the target branch, or the one assigned
 * @param destination    the graduate's destination type and where a transfer leaving the tree goes
 * @param done           how many of {@code steps} have passed
 * @param stepSince      when the current step started waiting (R-TR-5)
 * @param endReason      the rejection reason the member reads (R-TR-7)
 */
public record Transfer(long id, String idNumber, String name, TransferKind kind, Initiator initiator,
                       String startedBy, String reason, long fromBranchId, Long fromParentId, String fromPath,
                       Long targetOrgId, Long targetParentId, String targetPath, boolean toBranch, Long toBranchId,
                       Destination destination, List<TransferStep> steps, int done, TransferState state,
                       Instant startedAt, Instant stepSince, Instant closedAt, String endedBy, String endReason) {

    /** What happened in one move: written to the transfer's history. */
    public enum Action { STARTED, APPROVED, BRANCH_ASSIGNED, REJECTED, WITHDRAWN, EXPIRED }

    public record Entry(Action action, TransferStep step, String actedBy, Instant at, String reason, Long branchId) {
    }

    public record Change(Transfer after, Entry entry, List<Object> events) {
    }

    /**
     * Where a transfer goes besides its target org.
     *
     * @param type            the graduate's destination type (R-TR-11), null for others
     * @param externalSystem  the system outside that receives it (R-TR-9)
     * @param note            the special unit's short note (R-TR-8) or the external org's typed full name (R-TR-9)
     * @param provincialOrgId the out-side's provincial-level org, whose admins approve a special unit (R-TR-8)
     */
    public record Destination(DestinationType type, ExternalSystem externalSystem, String note, Long provincialOrgId) {

        public static final Destination NONE = new Destination(null, null, null, null);

        public static Destination graduate(DestinationType type) {
            return new Destination(type, null, null, null);
        }
    }

    /** Longest destination note or typed external name kept; FAQ 75 asks for a short note. */
    public static final int NOTE_MAX = 100;

    public Transfer {
        steps = List.copyOf(steps);
        destination = destination == null ? Destination.NONE : destination;
    }

    /** The member whose membership moves, and the branch it is in now. */
    public record Mover(String idNumber, String name, Place branch) {
    }

    /** An org as a transfer records it: its direct parent's admins may approve for it, its path scopes it. */
    public record Place(long id, Long parentId, String path) {

        public static Place of(OrgSnapshot org) {
            return new Place(org.id(), org.parentId(), org.path());
        }
    }

    /** Who started the transfer, in which role, and why. */
    public record Request(Initiator initiator, String startedBy, String reason) {
    }

    /**
     * A new open ordinary transfer to an org of this system (R-TR-2, R-TR-3), with the graduate's destination type
     * where there is one (R-TR-11: military service goes to a special unit, study abroad does not transfer), or null;
     * {@code id} is 0 until stored.
     */
    public static Transfer start(Mover mover, Request request, Place target, boolean toBranch,
                                 DestinationType destinationType, Instant now) {
        String why = requireReason(request.reason());
        requireDestinationFits(TransferKind.ORDINARY, destinationType);
        if (toBranch && mover.branch().id() == target.id()) {
            throw alreadyInTarget();
        }
        return opened(mover, request, why, TransferKind.ORDINARY, target, toBranch,
                Destination.graduate(destinationType), now);
    }

    /**
     * R-TR-8: to a special unit (参军入伍, 涉密单位) — no target org, a short note of the destination, approved by
     * the out-side's provincial-level org. Started by the member or the out-side, as nobody else knows of it.
     */
    public static Transfer toSpecialUnit(Mover mover, Request request, Long provincialOrgId, String note,
                                         DestinationType destinationType, Instant now) {
        String why = requireReason(request.reason());
        requireFromOutSide(request.initiator(), "R-TR-8");
        requireDestinationFits(TransferKind.SPECIAL_UNIT, destinationType);
        String shortNote = requireNote(note, "SPECIAL_UNIT_NOTE_REQUIRED", "R-TR-8",
                "转往特殊单位须简要备注转接去向(不超过" + NOTE_MAX + "字)");
        if (provincialOrgId == null) {
            throw new TransferRefusal(Kind.INVALID, "NO_PROVINCIAL_ORG", "R-TR-8", "未找到转出组织所属的省级团委");
        }
        return opened(mover, request, why, TransferKind.SPECIAL_UNIT, null, false,
                new Destination(destinationType, null, shortNote, provincialOrgId), now);
    }

    /**
     * R-TR-9: to a system outside (北京, 广东, 福建) by the receiving org's typed full name (FAQ 69); recorded as
     * external. Started by the member or the out-side; the out-side approves ({@link TransferPath}).
     */
    public static Transfer toExternalSystem(Mover mover, Request request, ExternalSystem system,
                                            String targetFullName, DestinationType destinationType, Instant now) {
        String why = requireReason(request.reason());
        requireFromOutSide(request.initiator(), "R-TR-9");
        requireDestinationFits(TransferKind.EXTERNAL, destinationType);
        if (system == null) {
            throw new TransferRefusal(Kind.INVALID, "EXTERNAL_SYSTEM_REQUIRED", "R-TR-9", "请选择转入的系统(北京、广东或福建)");
        }
        String fullName = requireNote(targetFullName, "EXTERNAL_ORG_NAME_REQUIRED", "R-TR-9",
                "请准确填写转入团组织在北京/广东/福建系统内的组织全称");
        return opened(mover, request, why, TransferKind.EXTERNAL, null, false,
                new Destination(destinationType, system, fullName, null), now);
    }

    /**
     * R-TR-4: one person of a committee's batch move (批量转接) between branches under it — no approval, so it is
     * approved as it starts. Whether both branches lie under the committee is checked against the tree outside.
     */
    public static Transfer batchMove(Mover mover, String startedBy, String reason, Place toBranch, Instant now) {
        String why = requireReason(reason);
        if (mover.branch().id() == toBranch.id()) {
            throw alreadyInTarget();
        }
        Place from = mover.branch();
        return new Transfer(0, mover.idNumber(), mover.name(), TransferKind.COMMITTEE_BATCH,
                Initiator.COMMITTEE_ADMIN, startedBy, why, from.id(), from.parentId(), from.path(), toBranch.id(),
                toBranch.parentId(), toBranch.path(), true, toBranch.id(), Destination.NONE,
                TransferPath.stepsFor(TransferKind.COMMITTEE_BATCH, Initiator.COMMITTEE_ADMIN, true), 0,
                TransferState.APPROVED, now, now, now, startedBy, null);
    }

    /** A transfer waiting at its first step; {@code target} null when it leaves the tree. */
    private static Transfer opened(Mover mover, Request request, String why, TransferKind kind, Place target,
                                   boolean toBranch, Destination destination, Instant now) {
        Place from = mover.branch();
        return new Transfer(0, mover.idNumber(), mover.name(), kind, request.initiator(), request.startedBy(), why,
                from.id(), from.parentId(), from.path(), target == null ? null : target.id(),
                target == null ? null : target.parentId(), target == null ? null : target.path(), toBranch,
                toBranch ? target.id() : null, destination,
                TransferPath.stepsFor(kind, request.initiator(), toBranch), 0, TransferState.OPEN, now, now,
                null, null, null);
    }

    /** The events its start causes: requested, and for a batch move approved as well. */
    public List<Object> startEvents() {
        List<Object> events = new ArrayList<>();
        events.add(new TransferRequested(id, idNumber, fromBranchId, targetOrgId, kind, destination.type(),
                currentStep()));
        if (state == TransferState.APPROVED) {
            events.add(new TransferApproved(id, idNumber, fromBranchId, toBranchId));
        }
        return events;
    }

    public Transfer withId(long newId) {
        return new Transfer(newId, idNumber, name, kind, initiator, startedBy, reason, fromBranchId, fromParentId,
                fromPath, targetOrgId, targetParentId, targetPath, toBranch, toBranchId, destination, steps, done,
                state, startedAt, stepSince, closedAt, endedBy, endReason);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new TransferRefusal(Kind.INVALID, "TRANSFER_REASON_REQUIRED", "R-TR-2", "请选择转接原因");
        }
        return reason.strip();
    }

    private static String requireNote(String note, String code, String rule, String message) {
        if (note == null || note.isBlank() || note.strip().length() > NOTE_MAX) {
            throw new TransferRefusal(Kind.INVALID, code, rule, message);
        }
        return note.strip();
    }

    /** Nobody receives a transfer that leaves the tree, so nobody starts one as the in-side (FAQ 69, 75). */
    private static void requireFromOutSide(Initiator initiator, String rule) {
        if (initiator != Initiator.MEMBER && initiator != Initiator.OUT_SIDE_ADMIN) {
            throw new TransferRefusal(Kind.INVALID, "ONLY_MEMBER_OR_OUT_SIDE", rule, "该转接只能由团员本人或转出组织发起");
        }
    }

    /**
     * R-TR-11 where the destination type alone decides: study abroad keeps the membership at the school (no
     * transfer); military service goes to a special unit (R-TR-8), which takes military service or a job there.
     */
    private static void requireDestinationFits(TransferKind kind, DestinationType type) {
        if (type == DestinationType.STUDY_ABROAD) {
            throw new TransferRefusal(Kind.CONFLICT, "STUDY_ABROAD_STAYS", "R-TR-11",
                    "出国(境)学习的毕业学生团员,团组织关系保留在毕业学校,无需转接");
        }
        if (type == DestinationType.MILITARY && kind != TransferKind.SPECIAL_UNIT) {
            throw new TransferRefusal(Kind.INVALID, "MILITARY_IS_SPECIAL_UNIT", "R-TR-8",
                    "参军入伍请选择转往特殊单位团组织,无需选择转入组织");
        }
        if (kind == TransferKind.SPECIAL_UNIT && type != null && type != DestinationType.MILITARY
                && type != DestinationType.JOB) {
            throw new TransferRefusal(Kind.INVALID, "SPECIAL_UNIT_DESTINATION", "R-TR-8",
                    "特殊单位团组织仅限参军入伍、涉密单位工作等情况");
        }
    }

    private static TransferRefusal alreadyInTarget() {
        return new TransferRefusal(Kind.CONFLICT, "ALREADY_IN_TARGET", "R-TR-3", "该团员的组织关系已在转入组织");
    }

    public Entry startEntry() {
        return new Entry(Action.STARTED, null, startedBy, startedAt, reason, null);
    }

    /** A batch move (R-TR-4) is approved by the committee's admin as it starts, into its branch. */
    public Entry approvedAtStartEntry() {
        return new Entry(Action.APPROVED, null, startedBy, startedAt, null, toBranchId);
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
        return switch (step) {
            case OUT_SIDE_APPROVAL -> fromBranchId;
            case PROVINCIAL_APPROVAL -> destination.provincialOrgId();
            case IN_SIDE_APPROVAL, BRANCH_ASSIGNMENT -> targetOrgId;
        };
    }

    /** The direct parent whose admins may act instead (old or new branch's parent, FAQ 22), or null. */
    public Long waitingParent() {
        TransferStep step = currentStep();
        if (step == OUT_SIDE_APPROVAL) {
            return fromParentId;
        }
        return step == IN_SIDE_APPROVAL && toBranch ? targetParentId : null;
    }

    /**
     * An approval of the current step (R-TR-2, R-TR-3, R-TR-8, R-TR-9); the last one approves the transfer.
     * <b>Decision</b> (FAQ 70: nobody leaves the system casually): a transfer to a system outside is approved by
     * another out-side admin than the one who started it, as no receiving side in this system checks it.
     */
    public Change approve(String by, Instant now) {
        TransferStep step = requireOpen();
        if (step == BRANCH_ASSIGNMENT) {
            throw new TransferRefusal(Kind.CONFLICT, "BRANCH_ASSIGNMENT_REQUIRED", "R-TR-3", "请分配新成员加入的团支部");
        }
        if (kind == TransferKind.EXTERNAL && by.equals(startedBy)) {
            throw new TransferRefusal(Kind.FORBIDDEN, "OWN_TRANSFER", "R-TR-9",
                    "转出至外部系统的转接须由发起人以外的转出方管理员审批");
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
            after = new Transfer(id, idNumber, name, kind, initiator, startedBy, reason, fromBranchId, fromParentId,
                    fromPath, targetOrgId, targetParentId, targetPath, toBranch, branchId, destination, steps, passed,
                    TransferState.APPROVED, startedAt, stepSince, now, by, null);
            events.add(leavesTree()
                    ? new TransferredOut(id, idNumber, fromBranchId, kind, destination.externalSystem(),
                    destination.note())
                    : new TransferApproved(id, idNumber, fromBranchId, branchId));
        } else {
            after = new Transfer(id, idNumber, name, kind, initiator, startedBy, reason, fromBranchId, fromParentId,
                    fromPath, targetOrgId, targetParentId, targetPath, toBranch, toBranchId, destination, steps, passed,
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
                new TransferRejected(id, idNumber, step, by, reasonGiven), Action.REJECTED);
    }

    /** R-TR-6: 撤销申请 before the last approval, i.e. while the transfer is open. */
    public Change withdraw(String by, Instant now) {
        TransferStep step = requireOpen();
        return end(TransferState.WITHDRAWN, step, by, null, now, new TransferWithdrawn(id, idNumber, by),
                Action.WITHDRAWN);
    }

    /** R-TR-5: the system ends a transfer whose step waited 10 days; refused before that. */
    public Change expire(Instant now) {
        TransferStep step = requireOpen();
        if (!TransferDeadline.expired(stepSince, now)) {
            throw new TransferRefusal(Kind.CONFLICT, "STEP_NOT_EXPIRED", "R-TR-5", "该转接尚未超过审批时限");
        }
        return end(TransferState.EXPIRED, step, null, "超过10天未审批,系统自动终止", now,
                new TransferExpired(id, idNumber, step), Action.EXPIRED);
    }

    /** A special unit or a system outside: on approval the membership ends here (R-TR-8, R-TR-9). */
    public boolean leavesTree() {
        return kind == TransferKind.SPECIAL_UNIT || kind == TransferKind.EXTERNAL;
    }

    private Change end(TransferState ended, TransferStep step, String by, String why, Instant now, Object event,
                       Action action) {
        Transfer after = new Transfer(id, idNumber, name, kind, initiator, startedBy, reason, fromBranchId,
                fromParentId, fromPath, targetOrgId, targetParentId, targetPath, toBranch, toBranchId, destination,
                steps, done, ended, startedAt, stepSince, now, by, why);
        return new Change(after, new Entry(action, step, by, now, why, null),
                List.of(event));
    }

    private TransferStep requireOpen() {
        if (!state.open()) {
            throw new TransferRefusal(Kind.CONFLICT, "TRANSFER_NOT_OPEN", "R-TR-6",
                    state == TransferState.APPROVED ? "该转接已审批完成,不能再操作" : "该转接已终止,不能再操作");
        }
        return steps.get(done);
    }
}
