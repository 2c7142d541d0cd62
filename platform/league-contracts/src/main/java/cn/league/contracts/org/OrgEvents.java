package cn.league.contracts.org;

import java.time.Instant;
import java.util.List;

import cn.league.contracts.EventType;

/**
 * Facts org-service publishes on {@code league.org.events}. The Kafka key is the org's provincial-level
 * tree ({@link OrgSnapshot#treeRootId()}, or the org itself at the top), so that every event of one
 * tree — including a subtree move and the later changes of the moved orgs — is read in order.
 */
public final class OrgEvents {

    private OrgEvents() {
    }

    /** A new org, seeded or created by a parent's admin. */
    @EventType("OrgCreated.v1")
    public record OrgCreated(OrgSnapshot org) {
    }

    /** Org info changed: names, category, domain, flags, school data or graduation mark. */
    @EventType("OrgChanged.v1")
    public record OrgChanged(OrgSnapshot org) {
    }

    /**
     * An org was deleted (R-ORG-2). When it was a branch with people, {@code peopleMovedTo} is the
     * pending branch made to hold them (also announced by its own OrgCreated); otherwise null.
     */
    @EventType("OrgDeleted.v1")
    public record OrgDeleted(long orgId, String path, Long peopleMovedTo) {
    }

    /** A whole subtree moved under a new parent (R-ORG-7): every path starting with oldPath now starts with newPath. */
    @EventType("SubtreeMoved.v1")
    public record SubtreeMoved(long orgId, long newParentId, String oldPath, String newPath) {
    }

    /** A person became an admin of an org (R-ADM-3, R-ADM-4). The person is named by ID number. */
    @EventType("AdminGranted.v1")
    public record AdminGranted(long orgId, String idNumber) {
    }

    /** A person's admin rights in an org ended (R-ADM-4, R-ADM-6). */
    @EventType("AdminRevoked.v1")
    public record AdminRevoked(long orgId, String idNumber) {
    }

    /**
     * The org's secretary (书记) is now this person (R-ORG-6): member-service makes the person if new
     * (they log in with the initial password, R-AUTH-2) and gives them the 书记 post; the previous
     * secretary's 书记 post here ends.
     */
    @EventType("SecretaryAppointed.v1")
    public record SecretaryAppointed(long orgId, String idNumber, String name, String previousIdNumber) {
    }

    /**
     * The direct parent's admin issued admin registration codes for these direct children (R-ADM-3), each
     * replacing the child's unused older code. The codes themselves are secret and never published.
     */
    @EventType("AdminCodesIssued.v1")
    public record AdminCodesIssued(long parentId, List<Long> orgIds, Instant expiresAt) {
    }

    /**
     * A person registered as admin of an org with a code (R-ADM-3, R-ADM-7) and so holds the post they
     * named there; member-service records the post from this. Published together with AdminGranted.
     */
    @EventType("AdminRegistered.v1")
    public record AdminRegistered(long orgId, String idNumber, String name, String postTitle) {
    }

    /** This year's marked branches became graduate branches (R-GRAD-3). */
    @EventType("BranchesGraduated.v1")
    public record BranchesGraduated(int year, List<Long> orgIds) {
    }

    /** Who approves a migration step (R-ORG-7): first the old direct parent's admin, then the new parent's. */
    public enum MigrationApprover { OLD_PARENT, NEW_PARENT }

    /** An org's admin asked to move the org with its subtree under a new parent in the same province (R-ORG-7). */
    @EventType("MigrationRequested.v1")
    public record MigrationRequested(long migrationId, long orgId, long oldParentId, long newParentId,
                                     String requestedBy, String reason) {
    }

    /**
     * A migration step was approved (R-ORG-7). After the {@code NEW_PARENT} step the subtree has moved, told
     * by the SubtreeMoved published in the same transaction.
     */
    @EventType("MigrationApproved.v1")
    public record MigrationApproved(long migrationId, long orgId, long oldParentId, long newParentId,
                                    MigrationApprover approvedAs, String approvedBy) {
    }

    /** A migration was rejected at a step, with a reason the requester reads (R-ORG-7). */
    @EventType("MigrationRejected.v1")
    public record MigrationRejected(long migrationId, long orgId, long oldParentId, long newParentId,
                                    MigrationApprover rejectedAs, String rejectedBy, String reason) {
    }

    /** The requester withdrew a migration before its last approval (R-ORG-7). */
    @EventType("MigrationWithdrawn.v1")
    public record MigrationWithdrawn(long migrationId, long orgId, long oldParentId, long newParentId,
                                     String withdrawnBy) {
    }
}
