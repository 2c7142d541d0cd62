package cn.league.transfer.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Transfer;
import cn.league.transfer.Transfer.Mover;
import cn.league.transfer.Transfer.Place;
import cn.league.transfer.TransferPublication;
import cn.league.transfer.TransferRefusal.Kind;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferStore;
import cn.league.transfer.membercopy.MemberCopyStore.MemberCopy;
import cn.league.transfer.membercopy.MemberCopyStore;

/**
 * R-TR-4 (FAQ 23 (1)): a 团委/团工委/团总支's admin moves up to 30 people between branches under it, without
 * approval. Each person gets a transfer approved as it starts (history, R-TR-14) and a TransferApproved event
 * from which member-service moves the membership.
 * <p>
 * <b>Decision</b>: all or nothing. The admin picks one group for one branch; moving part of it would split the
 * group and leave the admin to find out who moved. So every person is checked first, and when any is refused the
 * answer lists each refused person with the reason and nothing is moved; a fixed list is simply sent again.
 */
@Service
public class BatchTransfers {

    /** One person the batch refuses, with a stable code and the Chinese reason. */
    public record RefusedPerson(String idNumber, String code, String detail) {
    }

    /** The whole batch refused because of these people; nothing moved. */
    public static class BatchRefused extends TransferRefusal {

        private final transient List<RefusedPerson> refused;

        BatchRefused(List<RefusedPerson> refused) {
            super(Kind.CONFLICT, "BATCH_REFUSED", "R-TR-4",
                    "有" + refused.size() + "名成员不能批量转接,本次未转接任何成员,请修改后重新提交");
            this.refused = List.copyOf(refused);
        }

        public List<RefusedPerson> refused() {
            return refused;
        }

        /** R-TR-4: every refused person with the reason. */
        @Override
        public Map<String, Object> properties() {
            return Map.of("refused", refused);
        }
    }

    private final TransferStore transfers;
    private final MemberCopyStore members;
    private final OrgTree tree;
    private final TransferPublication publication;
    private final Clock clock;

    BatchTransfers(TransferStore transfers, MemberCopyStore members, OrgTree tree, TransferPublication publication,
                   ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.members = members;
        this.tree = tree;
        this.publication = publication;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public List<Transfer> move(String caller, long committeeId, long toBranchId, List<String> idNumbers,
                               String reason) {
        OrgSnapshot committee = tree.find(committeeId).filter(org -> org.type().isGrassrootsBody())
                .orElseThrow(() -> new TransferRefusal(Kind.INVALID, "NOT_A_COMMITTEE", "R-TR-4",
                        "批量转接只能由团委、团工委、团总支办理"));
        if (!tree.administeredBy(caller).contains(committee.id())) {
            throw new TransferRefusal(Kind.FORBIDDEN, "NOT_ADMIN_OF_COMMITTEE", "R-SCOPE-1", "只能在本组织下属团支部之间批量转接");
        }
        BatchLimit.check(idNumbers);
        OrgSnapshot to = tree.find(toBranchId)
                .filter(org -> org.type() == OrgType.BRANCH && tree.isWithin(org.id(), committee.id()))
                .orElseThrow(() -> new TransferRefusal(Kind.INVALID, "BRANCH_NOT_BELOW_COMMITTEE", "R-TR-4",
                        "请选择本组织下属的团支部"));

        Instant now = clock.instant();
        List<Transfer> planned = new ArrayList<>();
        List<RefusedPerson> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : idNumbers) {
            String idNumber = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
            Optional<MemberCopy> member = members.find(idNumber).filter(found -> found.branchId() != null);
            OrgSnapshot from = member.flatMap(found -> tree.find(found.branchId())).orElse(null);
            if (!seen.add(idNumber)) {
                refused.add(new RefusedPerson(idNumber, "DUPLICATE_IN_BATCH", "该成员在本次批量转接中重复出现"));
            } else if (from == null || !tree.isWithin(from.id(), committee.id())) {
                refused.add(new RefusedPerson(idNumber, "NOT_UNDER_COMMITTEE", "该成员的组织关系不在本组织下属团支部"));
            } else if (from.id() == to.id()) {
                refused.add(new RefusedPerson(idNumber, "ALREADY_IN_TARGET", "该团员的组织关系已在转入组织"));
            } else if (transfers.openOf(idNumber).isPresent()) {
                refused.add(new RefusedPerson(idNumber, "TRANSFER_ALREADY_OPEN", "已有业务正在办理,不能重复发起"));
            } else {
                planned.add(Transfer.batchMove(new Mover(idNumber, member.get().name(), Place.of(from)), caller,
                        reason, Place.of(to), now));
            }
        }
        if (!refused.isEmpty()) {
            throw new BatchRefused(refused);
        }
        List<Transfer> moved = new ArrayList<>();
        for (Transfer transfer : planned) {
            // a start that raced the checks above refuses the whole batch: the transaction rolls back
            long id = transfers.insertIfNoneOpen(transfer).orElseThrow(() -> new BatchRefused(List.of(
                    new RefusedPerson(transfer.idNumber(), "TRANSFER_ALREADY_OPEN", "已有业务正在办理,不能重复发起"))));
            Transfer stored = transfer.withId(id);
            transfers.addEntry(id, stored.startEntry());
            transfers.addEntry(id, stored.approvedAtStartEntry());
            publication.publish(stored, stored.startEvents());
            moved.add(stored);
        }
        return moved;
    }
}
