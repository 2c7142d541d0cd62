package cn.league.transfer.start;

import java.time.Clock;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.Initiator;
import cn.league.transfer.Transfer;
import cn.league.transfer.Transfer.Mover;
import cn.league.transfer.Transfer.Place;
import cn.league.transfer.Transfer.Request;
import cn.league.transfer.TransferPublication;
import cn.league.transfer.TransferRefusal.Kind;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferStore;
import cn.league.transfer.graduate.GraduateDestinationRule;
import cn.league.transfer.graduate.JobReports;
import cn.league.transfer.membercopy.MemberCopyStore.MemberCopy;
import cn.league.transfer.membercopy.MemberCopyStore;

/**
 * Starting a transfer (R-TR-1): 办理转入 by the in-side's admin (R-TR-2), 办理转出 by the out-side's admin
 * (R-TR-3), or by the member; to a special unit (R-TR-8) or a system outside (R-TR-9). One open transfer per
 * member, guarded by the database ({@link OneOpenTransferRule}). A graduate names a destination
 * ({@link GraduateDestinationRule}, R-TR-11). Graduate branches transfer like branches (R-GRAD-4); party
 * membership changes nothing (R-TR-12).
 */
@Service
public class TransferStart {

    private final TransferStore transfers;
    private final MemberCopyStore members;
    private final OrgTree tree;
    private final TransferPublication publication;
    private final JobReports jobs;
    private final Clock clock;

    TransferStart(TransferStore transfers, MemberCopyStore members, OrgTree tree, TransferPublication publication,
                  JobReports jobs, ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.members = members;
        this.tree = tree;
        this.publication = publication;
        this.jobs = jobs;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a graduate's transfer names (R-TR-11); both null for members who are not graduates. */
    public record GraduateDestination(DestinationType type, Long employerLocationOrgId) {

        public static final GraduateDestination NONE = new GraduateDestination(null, null);
    }

    /** R-TR-2 办理转入: the caller administers the receiving org and names the person by name + ID number. */
    @Transactional
    public Transfer transferIn(String caller, String name, String idNumber, long toOrgId, String reason,
                               GraduateDestination destination) {
        OrgSnapshot target = receivingOrg(toOrgId);
        if (!tree.administeredBy(caller).contains(target.id())) {
            throw notAdminOf();
        }
        MemberCopy member = members.find(canonical(idNumber))
                .filter(found -> found.branchId() != null && found.name() != null && name != null
                        && found.name().equals(name.strip()))
                .orElseThrow(TransferStart::personNotFound); // never says where the person is
        return start(member, Initiator.IN_SIDE_ADMIN, caller, target, reason, destination);
    }

    /** R-TR-3 办理转出: the caller administers the member's branch or its direct parent (FAQ 23 (3)). */
    @Transactional
    public Transfer transferOut(String caller, String idNumber, long toOrgId, String reason,
                                GraduateDestination destination) {
        return start(outSideMember(caller, idNumber), Initiator.OUT_SIDE_ADMIN, caller, receivingOrg(toOrgId), reason,
                destination);
    }

    /** The member moves their own membership (FAQ 72). */
    @Transactional
    public Transfer byMember(String caller, long toOrgId, String reason, GraduateDestination destination) {
        return start(ownMembership(caller), Initiator.MEMBER, caller, receivingOrg(toOrgId), reason, destination);
    }

    /**
     * R-TR-8: to a special unit, by the member ({@code idNumber} null or their own) or the out-side's admin; the
     * out-side's provincial-level org approves.
     */
    @Transactional
    public Transfer toSpecialUnit(String caller, String idNumber, String note, String reason,
                                  DestinationType destinationType) {
        MemberCopy member = self(caller, idNumber) ? ownMembership(caller) : outSideMember(caller, idNumber);
        OrgSnapshot from = branchOf(member);
        GraduateDestinationRule.check(member.graduate(), TransferKind.SPECIAL_UNIT, destinationType, null, null,
                jobs.hasJob(member.idNumber()));
        return open(Transfer.toSpecialUnit(mover(member, from), new Request(initiator(caller, idNumber), caller, reason),
                from.treeRootId(), note, destinationType, clock.instant()));
    }

    /** R-TR-9: to a system outside (北京, 广东, 福建) by the typed full name, by the member or the out-side's admin. */
    @Transactional
    public Transfer toExternalSystem(String caller, String idNumber, ExternalSystem system, String targetFullName,
                                     String reason, DestinationType destinationType) {
        MemberCopy member = self(caller, idNumber) ? ownMembership(caller) : outSideMember(caller, idNumber);
        OrgSnapshot from = branchOf(member);
        GraduateDestinationRule.check(member.graduate(), TransferKind.EXTERNAL, destinationType, null, null,
                jobs.hasJob(member.idNumber()));
        return open(Transfer.toExternalSystem(mover(member, from),
                new Request(initiator(caller, idNumber), caller, reason), system, targetFullName, destinationType,
                clock.instant()));
    }

    private Transfer start(MemberCopy member, Initiator initiator, String caller, OrgSnapshot target, String reason,
                           GraduateDestination destination) {
        OrgSnapshot from = branchOf(member);
        GraduateDestination wanted = destination == null ? GraduateDestination.NONE : destination;
        Transfer transfer = Transfer.start(mover(member, from), new Request(initiator, caller, reason),
                Place.of(target), target.type().isBranch(), wanted.type(), clock.instant());
        OrgSnapshot employerLocation = wanted.employerLocationOrgId() == null ? null
                : tree.find(wanted.employerLocationOrgId()).orElse(null);
        GraduateDestinationRule.check(member.graduate(), TransferKind.ORDINARY, wanted.type(), target,
                employerLocation, jobs.hasJob(member.idNumber()));
        return open(transfer);
    }

    private static Mover mover(MemberCopy member, OrgSnapshot branch) {
        return new Mover(member.idNumber(), member.name(), Place.of(branch));
    }

    private Transfer open(Transfer transfer) {
        long id = transfers.insertIfNoneOpen(transfer).orElseThrow(() -> OneOpenTransferRule.refusal(
                transfers.openOf(transfer.idNumber()).orElse(null)));
        Transfer stored = transfer.withId(id);
        transfers.addEntry(id, stored.startEntry());
        publication.publish(stored, stored.startEvents());
        return stored;
    }

    private MemberCopy ownMembership(String caller) {
        return members.find(caller.toUpperCase(Locale.ROOT)).filter(found -> found.branchId() != null)
                .orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND, "NO_MEMBERSHIP", "R-TR-1",
                        "您当前没有组织关系,不能发起转接"));
    }

    /**
     * A member of a branch the caller administers, or of a direct child branch of the caller's org (FAQ 23 (3):
     * the out-side that approves a transfer in is the same pair, FAQ 22). An admin higher up sees the member
     * (R-SCOPE-1) and is told who may act instead; anyone else learns nothing of the person.
     */
    private MemberCopy outSideMember(String caller, String idNumber) {
        MemberCopy member = members.find(canonical(idNumber)).filter(found -> found.branchId() != null)
                .orElseThrow(TransferStart::personNotFound);
        if (tree.administeredBy(caller).contains(member.branchId())
                || tree.mayActAsParentOf(caller, member.branchId())) {
            return member;
        }
        if (tree.mayActOn(caller, member.branchId())) {
            throw new TransferRefusal(Kind.FORBIDDEN, "NOT_BRANCH_OR_DIRECT_PARENT", "R-TR-3",
                    "只能办理本团支部或直属下级团支部成员的转出,请由该团员所在团支部或其直属上级组织的管理员办理");
        }
        throw personNotFound(); // someone else's member: as if not there
    }

    private static boolean self(String caller, String idNumber) {
        return idNumber == null || idNumber.isBlank() || idNumber.strip().equalsIgnoreCase(caller);
    }

    private static Initiator initiator(String caller, String idNumber) {
        return self(caller, idNumber) ? Initiator.MEMBER : Initiator.OUT_SIDE_ADMIN;
    }

    private OrgSnapshot branchOf(MemberCopy member) {
        return tree.find(member.branchId()).orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND, "ORG_NOT_FOUND",
                null, "团组织不存在"));
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
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    static TransferRefusal personNotFound() {
        return new TransferRefusal(Kind.NOT_FOUND, "PERSON_NOT_FOUND", "R-TR-2", "未查询到该团员,请核对姓名和身份证号");
    }

    private static TransferRefusal notAdminOf() {
        return new TransferRefusal(Kind.FORBIDDEN, "NOT_ADMIN_OF_TARGET", "R-SCOPE-1", "只能办理转入本组织");
    }
}
