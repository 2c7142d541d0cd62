package cn.league.transfer.approverview;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.league.contracts.member.TransferCard;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferDeadline;
import cn.league.transfer.TransferStore;
import cn.league.transfer.approval.Approvers;
import cn.league.transfer.approval.TransferDecisions;

/**
 * R-TR-13: the approver view of a transfer — what this service knows (person, orgs, steps, history) plus the
 * member's card from member-service. No database transaction is held across the call to member-service.
 */
@Service
public class ApproverViews {

    /** How an org is shown: id and full name from the org tree replica (null name if the replica lacks it). */
    public record OrgName(long id, String fullName) {
    }

    /**
     * @param targetOrg null when the transfer leaves the tree (R-TR-8, R-TR-9)
     * @param card     member-service's card, or null when it is not complete
     * @param complete whether member-service answered with the card
     * @param note     why it is not complete, in Chinese, for the approver; null when complete
     */
    public record ApproverView(Transfer transfer, Long daysLeft, OrgName fromOrg, OrgName targetOrg,
                               List<Transfer.Entry> entries, TransferCard card, boolean complete, String note) {
    }

    static final String UNAVAILABLE = "团员信息服务暂时无法访问,以下仅显示转接业务中的信息(姓名、身份证号、转出和转入组织、审批环节),请稍后刷新查看联系方式";
    static final String NOT_HELD = "团员信息库中未查到该团员的详细信息,请与转出组织核实";

    private final TransferStore transfers;
    private final Approvers approvers;
    private final OrgTree tree;
    private final MemberCards cards;
    private final Clock clock;

    ApproverViews(TransferStore transfers, Approvers approvers, OrgTree tree, MemberCards cards,
                  ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.approvers = approvers;
        this.tree = tree;
        this.cards = cards;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** R-SCOPE-1: outside both sides the transfer is not there (404); a non-approver who sees it is refused (403). */
    public ApproverView show(String caller, long transferId) {
        Transfer transfer = transfers.find(transferId).filter(found -> approvers.maySee(caller, found))
                .orElseThrow(TransferDecisions::notFound);
        List<Transfer.Entry> entries = transfers.entries(transferId);
        ApproverViewRule.requireApprover(caller, approvers.mayAct(caller, transfer), entries);
        MemberCards.Lookup lookup = cards.find(transfer.idNumber());
        String note = switch (lookup.outcome()) {
            case FOUND -> null;
            case NOT_HELD -> NOT_HELD;
            case UNAVAILABLE -> UNAVAILABLE;
        };
        Long daysLeft = transfer.state().open() ? TransferDeadline.daysLeft(transfer.stepSince(), clock.instant()) : null;
        return new ApproverView(transfer, daysLeft, name(transfer.fromBranchId()), name(transfer.targetOrgId()), entries,
                lookup.card(), lookup.card() != null, note);
    }

    /** Null for a transfer that leaves the tree (special unit, system outside: no target org here). */
    private OrgName name(Long orgId) {
        return orgId == null ? null : new OrgName(orgId, tree.find(orgId).map(OrgSnapshot::fullName).orElse(null));
    }
}
