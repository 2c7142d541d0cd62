package cn.league.contracts.member;

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

    /** The person's profile changed; says what other services may need of it (R-ORG-5 needs the mobile). */
    @EventType("ProfileChanged.v1")
    public record ProfileChanged(String idNumber, String name, boolean hasMobile) {
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
}
