package cn.league.contracts.member;

import java.time.Instant;
import java.util.List;

import cn.league.contracts.EventType;

/**
 * Facts member-service publishes on {@code league.member.events}; the Kafka key is the person's ID
 * number (upper-case), so one person's events stay in order.
 */
public final class MemberEvents {

    private MemberEvents() {
    }

    /**
     * A new person is in the system (entered, imported, registered or made secretary): they can log in
     * with the initial password (R-AUTH-2) and are queued for the identity check (R-ID-1), which uses
     * the name and ID number only (R-ID-2).
     */
    @EventType("PersonAdded.v1")
    public record PersonAdded(String idNumber, String name) {
    }

    /** The person's membership (组织关系) is now in this branch (R-MEM-1). */
    @EventType("MembershipStarted.v1")
    public record MembershipStarted(String idNumber, long branchId) {
    }

    /** The membership moved from one branch to another (transfer, batch move, pending branch). */
    @EventType("MembershipMoved.v1")
    public record MembershipMoved(String idNumber, long fromBranchId, long toBranchId) {
    }

    /** The membership ended (age-out R-MEM-9, deletion R-MEM-8, ...). */
    @EventType("MembershipEnded.v1")
    public record MembershipEnded(String idNumber, long branchId, String reason) {
    }

    /** A cadre post (职务) in an org, e.g. 书记. */
    public record Post(long orgId, String title) {
    }

    /** The person's cadre posts are now exactly these (R-MEM-2); an empty list means none. */
    @EventType("PostsChanged.v1")
    public record PostsChanged(String idNumber, String name, List<Post> posts) {
    }

    /**
     * A new person was entered into an org — by an admin one by one or in bulk (R-IMP-3), or by an approved
     * self-registration (R-AUTH-4): who they are (they log in at once, R-AUTH-2, and are queued for the identity
     * check, R-ID-1), whether they gave a mobile (R-ORG-5), and where they are: a membership in {@code branchId}
     * (R-MEM-1) or the cadre {@code post} (R-MEM-2) — exactly one of the two is set. One fact instead of
     * PersonAdded, ProfileChanged and MembershipStarted or PostsChanged, so an import of millions of people sends a
     * third of the messages. {@code complete} says whether their info is complete (R-MEM-6), for the entry
     * statistics (R-STAT-1); it is null in events written before it existed (unknown).
     */
    @EventType("PersonEntered.v1")
    public record PersonEntered(String idNumber, String name, boolean hasMobile, Long branchId, Post post,
                                Boolean complete) {

        public static PersonEntered member(String idNumber, String name, boolean hasMobile, long branchId,
                                           boolean complete) {
            return new PersonEntered(idNumber, name, hasMobile, branchId, null, complete);
        }

        public static PersonEntered cadre(String idNumber, String name, boolean hasMobile, Post post,
                                          boolean complete) {
            return new PersonEntered(idNumber, name, hasMobile, null, post, complete);
        }

        /** A member as events written before {@code complete} existed carry them. */
        public static PersonEntered member(String idNumber, String name, boolean hasMobile, long branchId) {
            return new PersonEntered(idNumber, name, hasMobile, branchId, null, null);
        }

        /** A cadre as events written before {@code complete} existed carry them. */
        public static PersonEntered cadre(String idNumber, String name, boolean hasMobile, Post post) {
            return new PersonEntered(idNumber, name, hasMobile, null, post, null);
        }
    }

    /**
     * The person's profile changed; says what other services may need of it: R-ORG-5 needs the mobile, the entry
     * statistics (R-STAT-1) whether the info is now complete (R-MEM-6). {@code complete} is null in events written
     * before it existed (unknown).
     */
    @EventType("ProfileChanged.v1")
    public record ProfileChanged(String idNumber, String name, boolean hasMobile, Boolean complete) {

        /** The shape before {@code complete} existed. */
        public ProfileChanged(String idNumber, String name, boolean hasMobile) {
            this(idNumber, name, hasMobile, null);
        }
    }

    /**
     * An admin changed the person's name or ID number (R-ID-2). The identity check is back to
     * {@code verification} = UNVERIFIED and the person is to be checked again with these details. When the
     * ID number changed, every record keyed by {@code previousIdNumber} is now keyed by {@code idNumber}
     * (the Kafka key is the new number); when only the name changed the two numbers are equal.
     */
    @EventType("IdentityDetailsChanged.v1")
    public record IdentityDetailsChanged(String idNumber, String previousIdNumber, String name, String previousName,
                                         String verification) {
    }

    /**
     * The person was deleted by a leading body's admin, with a reason (R-MEM-8). The record is kept for audit
     * and the ID number stays registered (R-AUTH-5); their membership and posts ended in the same change.
     */
    @EventType("PersonDeleted.v1")
    public record PersonDeleted(String idNumber, String deletedBy, String reason) {
    }

    /** The member's branch became a graduate branch and they are now flagged a graduate (R-MEM-10, R-GRAD-3). */
    @EventType("GraduateFlagged.v1")
    public record GraduateFlagged(String idNumber, long branchId) {
    }

    /**
     * The person's graduate, delayed-graduate and teacher flags were set (R-MEM-10): a delayed graduate or a
     * teacher in a graduating branch is not made a graduate when the branch graduates.
     */
    @EventType("GraduationFlagsSet.v1")
    public record GraduationFlagsSet(String idNumber, boolean graduate, boolean delayedGraduate, boolean teacher) {
    }

    /** What a self-registration asks for: membership of a branch, or a post in an org (R-AUTH-4). */
    public enum RegistrationKind { MEMBER, CADRE }

    /** How a self-registration ended. */
    public enum RegistrationOutcome { APPROVED, REJECTED, WITHDRAWN, EXPIRED }

    /** A person asked to join an org (团员团干部注册); it waits for that org's admin (R-AUTH-4). */
    @EventType("RegistrationRequested.v1")
    public record RegistrationRequested(long registrationId, String idNumber, String name, long orgId,
                                        RegistrationKind kind, String postTitle) {
    }

    /**
     * A self-registration is no longer pending: approved or rejected by an admin, withdrawn by the person
     * (撤销申请), or expired after 10 days (R-AUTH-4). {@code closedBy} is null for expiry.
     */
    @EventType("RegistrationClosed.v1")
    public record RegistrationClosed(long registrationId, String idNumber, long orgId, RegistrationOutcome outcome,
                                     String closedBy, String reason) {
    }

    /**
     * An admin issued a one-time password reset code for the person (分配密码重置验证码, R-AUTH-3): the person's orgs
     * (the branch of their membership and the orgs of their posts) whose admins are told, who issued it and until
     * when it works. Never the code itself.
     */
    @EventType("ResetCodeIssued.v1")
    public record ResetCodeIssued(String idNumber, String name, List<Long> orgIds, String issuedBy,
                                  Instant expiresAt) {
    }
}
