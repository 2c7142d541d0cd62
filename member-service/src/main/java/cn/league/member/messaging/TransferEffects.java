package cn.league.member.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferClosed;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.member.membership.MembershipStore;
import cn.league.member.person.PersonStore;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;

/** What transfer-service's facts change here: the open transfers (R-MEM-8) and, on approval, the membership. */
@Component
class TransferEffects {

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

    void closed(TransferClosed closed) {
        openTransfers.closed(closed.transferId());
    }
}
