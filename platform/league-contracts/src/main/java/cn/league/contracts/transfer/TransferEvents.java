package cn.league.contracts.transfer;

import cn.league.contracts.EventType;

/**
 * Facts transfer-service publishes on {@code league.transfer.events} (组织关系转接). The Kafka key is the
 * person's ID number (upper-case), so one person's transfers are read in order. member-service keeps the
 * open transfers from these (R-MEM-8: nobody in a transfer is deleted) and moves the membership on approval.
 */
public final class TransferEvents {

    private TransferEvents() {
    }

    /**
     * What kind of transfer (FAQ 22, 23, 69, 75): an ordinary one between orgs of this system, a committee's batch
     * move between its own branches (R-TR-4), one to a special unit (R-TR-8) or one to a system outside (R-TR-9).
     */
    public enum TransferKind { ORDINARY, COMMITTEE_BATCH, SPECIAL_UNIT, EXTERNAL }

    /** A graduate's destination (去向, R-TR-11); null for members who are not graduates (R-MEM-10). */
    public enum DestinationType { JOB, FURTHER_STUDY, MILITARY, NO_JOB, STUDY_ABROAD }

    /** The systems outside this one that take memberships by a typed full name (R-TR-9, FAQ 48, 69). */
    public enum ExternalSystem { BEIJING, GUANGDONG, FUJIAN }

    /**
     * A transfer was started (R-TR-1) and is open until one of the events that end it: TransferApproved,
     * TransferredOut, TransferRejected, TransferWithdrawn or TransferExpired. A batch move (R-TR-4) is approved at
     * once. {@code toOrgId} is null when it leaves the tree (special unit, external system);
     * {@code kind} is ORDINARY in events written before it existed. {@code firstStep} is the step it waits at
     * first (the operation centre's queue, R-OPS-1): null for a batch move, approved at once, and in events written
     * before it existed.
     */
    @EventType("TransferRequested.v1")
    public record TransferRequested(long transferId, String idNumber, long fromOrgId, Long toOrgId,
                                    TransferKind kind, DestinationType destinationType, TransferStep firstStep) {

        public TransferRequested {
            kind = kind == null ? TransferKind.ORDINARY : kind;
        }

        /** The shape before {@code firstStep} existed. */
        public TransferRequested(long transferId, String idNumber, long fromOrgId, Long toOrgId, TransferKind kind,
                                 DestinationType destinationType) {
            this(transferId, idNumber, fromOrgId, toOrgId, kind, destinationType, null);
        }

        /** An ordinary transfer with no graduate destination: the shape before kinds existed. */
        public TransferRequested(long transferId, String idNumber, long fromOrgId, long toOrgId) {
            this(transferId, idNumber, fromOrgId, Long.valueOf(toOrgId), TransferKind.ORDINARY, null, null);
        }
    }

    /** The last approval step passed: the membership is now in {@code toBranchId} (R-TR-2, R-TR-3, R-TR-4). */
    @EventType("TransferApproved.v1")
    public record TransferApproved(long transferId, String idNumber, long fromBranchId, long toBranchId) {
    }

    /**
     * The last approval passed for a transfer that leaves this system's tree (R-TR-8 special unit, R-TR-9 system
     * outside): the membership ends with a record, the person is never deleted. {@code externalSystem} is set
     * for EXTERNAL only; {@code destination} is the note (special unit) or the typed full name (external).
     */
    @EventType("TransferredOut.v1")
    public record TransferredOut(long transferId, String idNumber, long fromBranchId, TransferKind kind,
                                 ExternalSystem externalSystem, String destination) {
    }

    /**
     * The steps a transfer waits at (R-TR-2, R-TR-3, R-TR-8): the out-side's approval, the in-side's, a
     * committee's branch choice, the out-side's provincial-level approval for a special unit.
     */
    public enum TransferStep { OUT_SIDE_APPROVAL, IN_SIDE_APPROVAL, BRANCH_ASSIGNMENT, PROVINCIAL_APPROVAL }

    /**
     * A step passed (R-TR-14). {@code nextStep} is null after the last one (then TransferApproved follows);
     * {@code assignedBranchId} is set for BRANCH_ASSIGNMENT only.
     */
    @EventType("TransferStepDone.v1")
    public record TransferStepDone(long transferId, String idNumber, TransferStep step, String actedBy,
                                   TransferStep nextStep, Long assignedBranchId) {
    }

    /** An approver returned the transfer (退回) with a reason the member reads (R-TR-7); it ends the transfer. */
    @EventType("TransferRejected.v1")
    public record TransferRejected(long transferId, String idNumber, TransferStep step, String rejectedBy,
                                   String reason) {
    }

    /** The initiator or the member withdrew it (撤销申请, R-TR-6); it ends the transfer. */
    @EventType("TransferWithdrawn.v1")
    public record TransferWithdrawn(long transferId, String idNumber, String withdrawnBy) {
    }

    /** A step waited more than 10 days and the system ended the transfer (R-TR-5). */
    @EventType("TransferExpired.v1")
    public record TransferExpired(long transferId, String idNumber, TransferStep step) {
    }
}
