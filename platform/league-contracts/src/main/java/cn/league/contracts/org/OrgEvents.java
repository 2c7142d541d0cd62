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
}
