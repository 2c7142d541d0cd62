package cn.league.transfer.history;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferRefusal.Kind;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferStore.StepCount;
import cn.league.transfer.TransferState;
import cn.league.transfer.TransferStore;
import cn.league.transfer.approval.Approvers;
import cn.league.transfer.approval.TransferDecisions;

/** What members and approvers read (R-TR-14): one transfer with its entries, a member's history, an org's queue. */
@Service
public class TransferHistory {

    public record Detail(Transfer transfer, List<Transfer.Entry> entries) {
    }

    public record Queue(List<Transfer> items, List<StepCount> counts) {
    }

    /** Which transfers of an org's history: out of its subtree, into it, or both. */
    public enum Direction { OUT, IN }

    /** A page of history with the full names of the orgs it names (old branch, target, assigned branch). */
    public record HistoryPage(List<Transfer> items, Map<Long, String> orgNames) {
    }

    private final TransferStore transfers;
    private final Approvers approvers;
    private final OrgTree tree;
    private final Clock clock;

    TransferHistory(TransferStore transfers, Approvers approvers, OrgTree tree, ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.approvers = approvers;
        this.tree = tree;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Instant now() {
        return clock.instant();
    }

    /** R-SCOPE-1/3: the member, the initiator, or an admin of either side or above it. */
    @Transactional(readOnly = true)
    public Detail show(String caller, long transferId) {
        Transfer transfer = transfers.find(transferId).filter(found -> approvers.maySee(caller, found))
                .orElseThrow(TransferDecisions::notFound);
        return new Detail(transfer, transfers.entries(transferId));
    }

    /** 我的组织关系转接历史: only the caller's own (R-SCOPE-3). */
    @Transactional(readOnly = true)
    public HistoryPage mine(String caller, long before, int size) {
        return named(transfers.ofPerson(caller, before, size));
    }

    /**
     * 组织关系转接历史 of an org (R-TR-14): the transfers out of its subtree and into it, newest first, whatever their
     * state; its admins and those above it may look (R-SCOPE-1).
     */
    @Transactional(readOnly = true)
    public HistoryPage ofOrg(String caller, long orgId, Direction direction, TransferState state, Instant from,
                             Instant to, long before, int size) {
        if (!tree.mayActOn(caller, orgId)) {
            throw new TransferRefusal(Kind.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1", "无权查看该组织的转接记录");
        }
        String path = tree.find(orgId).orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND, "ORG_NOT_FOUND", null,
                "团组织不存在")).path();
        return named(transfers.ofSubtree(path, direction != Direction.IN, direction != Direction.OUT, state, from, to,
                before, size));
    }

    private HistoryPage named(List<Transfer> items) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Transfer transfer : items) {
            ids.add(transfer.fromBranchId());
            if (transfer.targetOrgId() != null) {
                ids.add(transfer.targetOrgId());
            }
            if (transfer.toBranchId() != null) {
                ids.add(transfer.toBranchId());
            }
        }
        Map<Long, String> names = new TreeMap<>();
        tree.findAll(ids).forEach((id, org) -> names.put(id, org.fullName()));
        return new HistoryPage(items, names);
    }

    /** 组织关系转接审批: what waits for the org's admins; its admins and those above it may look (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public Queue waitingFor(String caller, long orgId, TransferStep step, Instant from, Instant to, long after,
                            int size) {
        if (!tree.mayActOn(caller, orgId)) {
            throw new TransferRefusal(Kind.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1", "无权查看该组织的转接审批");
        }
        return new Queue(transfers.waitingFor(orgId, step, from, to, after, size),
                transfers.countWaitingFor(orgId, from, to));
    }
}
