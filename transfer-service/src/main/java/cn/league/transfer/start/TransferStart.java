package cn.league.transfer.start;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Initiator;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferRefusal.Kind;
import cn.league.transfer.messaging.TransferPublication;
import cn.league.transfer.store.MemberCopyStore;
import cn.league.transfer.store.MemberCopyStore.MemberCopy;
import cn.league.transfer.store.TransferStore;

/**
 * Starting a transfer (R-TR-1): 办理转入 by the in-side's admin (R-TR-2), 办理转出 by the out-side's admin
 * (R-TR-3), or by the member. One open transfer per member, guarded by the database ({@link OneOpenTransferRule}).
 * Graduate branches transfer like branches (R-GRAD-4); party membership changes nothing (R-TR-12).
 */
@Service
public class TransferStart {

    private final TransferStore transfers;
    private final MemberCopyStore members;
    private final OrgTree tree;
    private final TransferPublication publication;
    private final Clock clock;

    TransferStart(TransferStore transfers, MemberCopyStore members, OrgTree tree, TransferPublication publication,
                  ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.members = members;
        this.tree = tree;
        this.publication = publication;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** R-TR-2 办理转入: the caller administers the receiving org and names the person by name + ID number. */
    @Transactional
    public Transfer transferIn(String caller, String name, String idNumber, long toOrgId, String reason) {
        OrgSnapshot target = receivingOrg(toOrgId);
        if (!tree.administeredBy(caller).contains(target.id())) {
            throw notAdminOf();
        }
        MemberCopy member = members.find(canonical(idNumber))
                .filter(found -> found.branchId() != null && found.name() != null && name != null
                        && found.name().equals(name.strip()))
                .orElseThrow(TransferStart::personNotFound); // never says where the person is
        return start(member, Initiator.IN_SIDE_ADMIN, caller, target, reason);
    }

    /** R-TR-3 办理转出: the caller administers the member's branch or its direct parent (FAQ 23 (3)). */
    @Transactional
    public Transfer transferOut(String caller, String idNumber, long toOrgId, String reason) {
        MemberCopy member = members.find(canonical(idNumber)).filter(found -> found.branchId() != null)
                .orElseThrow(TransferStart::personNotFound);
        if (!tree.administeredBy(caller).contains(member.branchId())
                && !tree.mayActAsParentOf(caller, member.branchId())) {
            throw personNotFound(); // someone else's member: as if not there
        }
        return start(member, Initiator.OUT_SIDE_ADMIN, caller, receivingOrg(toOrgId), reason);
    }

    /** The member moves their own membership (FAQ 72). */
    @Transactional
    public Transfer byMember(String caller, long toOrgId, String reason) {
        MemberCopy member = members.find(caller).filter(found -> found.branchId() != null)
                .orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND, "NO_MEMBERSHIP", "R-TR-1",
                        "您当前没有组织关系,不能发起转接"));
        return start(member, Initiator.MEMBER, caller, receivingOrg(toOrgId), reason);
    }

    private Transfer start(MemberCopy member, Initiator initiator, String caller, OrgSnapshot target, String reason) {
        OrgSnapshot from = tree.find(member.branchId()).orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND,
                "ORG_NOT_FOUND", null, "团组织不存在"));
        Transfer transfer = Transfer.start(member.idNumber(), member.name(), initiator, caller, reason, from.id(),
                from.parentId(), from.path(), target.id(), target.parentId(), target.path(), target.type().isBranch(),
                clock.instant());
        long id = transfers.insertIfNoneOpen(transfer).orElseThrow(() -> OneOpenTransferRule.refusal(
                transfers.openOf(member.idNumber()).orElse(null)));
        Transfer stored = transfer.withId(id);
        transfers.addEntry(id, stored.startEntry());
        publication.publish(stored, List.of(new TransferRequested(id, stored.idNumber(), from.id(), target.id())));
        return stored;
    }

    /** A branch, or a 团委/团工委/团总支 that will assign one (R-TR-3); never a leading body or a system branch. */
    private OrgSnapshot receivingOrg(long orgId) {
        OrgSnapshot org = tree.find(orgId).orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND, "ORG_NOT_FOUND",
                null, "团组织不存在"));
        if (org.type() != OrgType.BRANCH && !org.type().isGrassrootsBody()) {
            throw new TransferRefusal(Kind.INVALID, "TARGET_NOT_RECEIVING", "R-TR-3",
                    "转入组织须为团委、团工委、团总支或团支部");
        }
        return org;
    }

    private static String canonical(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            throw personNotFound();
        }
        return idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    static TransferRefusal personNotFound() {
        return new TransferRefusal(Kind.NOT_FOUND, "PERSON_NOT_FOUND", "R-TR-2", "未查询到该团员,请核对姓名和身份证号");
    }

    private static TransferRefusal notAdminOf() {
        return new TransferRefusal(Kind.FORBIDDEN, "NOT_ADMIN_OF_TARGET", "R-SCOPE-1", "只能办理转入本组织");
    }
}
