package cn.league.member.messaging;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.member.membership.MembershipStore;
import cn.league.member.person.PersonStore;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * What transfer-service's facts change here: the open transfers (R-MEM-8) and, on approval, the membership — moved
 * to the new branch, or ended when it left the tree (R-TR-8, R-TR-9).
 */
@Component
class TransferEffects {

    /** The reasons kept in membership_end when a membership leaves the tree (R-TR-8, R-TR-9). */
    static final String TO_SPECIAL_UNIT = "转往特殊单位";
    static final String TO_EXTERNAL_SYSTEM = "转出至外部系统";

    private static final Logger log = LoggerFactory.getLogger(TransferEffects.class);

    private final OpenTransfers openTransfers;
    private final MembershipMoves moves;
    private final MembershipStore memberships;
    private final PersonStore people;
    private final OrgTree tree;
    private final Outbox outbox;

    TransferEffects(OpenTransfers openTransfers, MembershipMoves moves, MembershipStore memberships,
                    PersonStore people, OrgTree tree, Outbox outbox) {
        this.openTransfers = openTransfers;
        this.moves = moves;
        this.memberships = memberships;
        this.people = people;
        this.tree = tree;
        this.outbox = outbox;
    }

    void requested(TransferRequested requested) {
        openTransfers.opened(requested);
    }

    /**
     * The transfer is done: the membership moves to the new branch with the branch's path from the replica. A
     * person without a membership (e.g. a cadre with posts only) gets one there.
     */
    void approved(TransferApproved approved) {
        openTransfers.closed(approved.transferId());
        String idNumber = IdNumbers.canonical(approved.idNumber());
        OrgSnapshot branch = tree.find(approved.toBranchId()).orElseThrow(() -> new IllegalStateException(
                "branch " + approved.toBranchId() + " is not in the replica yet"));
        if (moves.movePerson(idNumber, branch.id(), branch.path())) {
            return;
        }
        if (people.find(idNumber).isEmpty()) {
            log.warn("transfer {} approved for a person this service does not hold (or deleted)", approved.transferId());
            return;
        }
        memberships.startMembership(idNumber, branch.id(), branch.path());
        outbox.publish(Topics.MEMBER_EVENTS, new MembershipStarted(idNumber, branch.id()), idNumber, branch.path());
    }

    /** Rejected, withdrawn or expired: open no more, nothing else changes here. */
    void closed(long transferId) {
        openTransfers.closed(transferId);
    }

    /**
     * R-TR-8, R-TR-9: the membership left for a special unit or a system outside. It ends with a record in
     * {@code membership_end} whose reason says where it went; the person stays (FAQ 70: never a deletion), posts
     * included. A special unit's note stays in transfer-service: it may name a 涉密 unit.
     */
    void transferredOut(TransferredOut out, Instant at) {
        openTransfers.closed(out.transferId());
        String idNumber = IdNumbers.canonical(out.idNumber());
        String reason = endReason(out);
        memberships.endMembership(idNumber, at, reason).ifPresent(ended -> outbox.publish(Topics.MEMBER_EVENTS,
                new MembershipEnded(idNumber, ended.branchId(), reason), idNumber, ended.orgPath()));
    }

    static String endReason(TransferredOut out) {
        return switch (out.kind()) {
            case SPECIAL_UNIT -> TO_SPECIAL_UNIT;
            case EXTERNAL -> TO_EXTERNAL_SYSTEM + "(" + systemName(out.externalSystem()) + ":" + out.destination() + ")";
            case ORDINARY, COMMITTEE_BATCH -> throw new IllegalArgumentException(
                    "transfer " + out.transferId() + " of kind " + out.kind() + " does not leave the tree");
        };
    }

    private static String systemName(ExternalSystem system) {
        return switch (system) {
            case BEIJING -> "北京";
            case GUANGDONG -> "广东";
            case FUJIAN -> "福建";
        };
    }
}
