package cn.league.stats.opscentre;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.member.MemberEvents.ResetCodeIssued;
import cn.league.contracts.member.MemberEvents.RegistrationRequested;
import cn.league.contracts.org.OrgEvents.MigrationApprover;
import cn.league.contracts.org.OrgEvents.MigrationRequested;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.orgreplica.OrgTree;
import cn.league.stats.opscentre.OpsStore.Item;

/** What the owners' events put in and take out of the operation centre (R-OPS-1). */
@Component
class OpsEffects {

    /** R-AUTH-4 and R-TR-5: a self-registration, or a transfer step, ends by itself after 10 days. */
    static final Duration DEADLINE = Duration.ofDays(10);

    private final OpsStore store;
    private final OrgTree tree;

    OpsEffects(OpsStore store, OrgTree tree) {
        this.store = store;
        this.tree = tree;
    }

    void registrationRequested(RegistrationRequested requested, Instant at) {
        String what = requested.kind() == RegistrationKind.CADRE ? "团干部注册 " + requested.postTitle() : "团员注册";
        store.put(new Item(PendingKind.REGISTRATION, requested.registrationId(), requested.orgId(), null, null,
                requested.orgId(), requested.name(), what, at, at.plus(DEADLINE)));
    }

    void transferRequested(TransferRequested requested, Instant at) {
        if (requested.firstStep() == null) { // a batch move is approved at once; nothing waits
            return;
        }
        store.put(transferItem(requested.transferId(), requested.idNumber(), requested.fromOrgId(),
                requested.toOrgId(), requested.firstStep(), at));
    }

    /** The step passed: the transfer waits at the next one, or at none (approved). */
    void transferStepDone(long transferId, TransferStep nextStep, Instant at) {
        if (nextStep == null) {
            store.remove(PendingKind.TRANSFER, transferId);
            return;
        }
        store.find(PendingKind.TRANSFER, transferId).ifPresent(item -> store.put(transferItem(transferId,
                item.subject(), item.fromOrgId(), item.toOrgId(), nextStep, at)));
    }

    /** The transfer ended; a rejection or an expiry is told to the admins of both sides. */
    void transferEnded(long transferId, MessageKind told, String text, Instant at) {
        store.find(PendingKind.TRANSFER, transferId).ifPresent(item -> {
            store.remove(PendingKind.TRANSFER, transferId);
            if (told != null) {
                Stream.of(item.fromOrgId(), item.toOrgId()).filter(java.util.Objects::nonNull).distinct()
                        .forEach(orgId -> store.message(orgId, told, text + "(" + item.subject() + ")", at));
            }
        });
    }

    void migrationRequested(MigrationRequested requested, Instant at) {
        store.put(new Item(PendingKind.MIGRATION, requested.migrationId(), requested.oldParentId(), null,
                requested.orgId(), requested.newParentId(), orgName(requested.orgId()), requested.reason(), at,
                null));
    }

    /** After the old parent's approval the new parent's admins approve (R-ORG-7); after theirs nothing waits. */
    void migrationApproved(long migrationId, MigrationApprover approvedAs, Instant at) {
        if (approvedAs == MigrationApprover.NEW_PARENT) {
            store.remove(PendingKind.MIGRATION, migrationId);
            return;
        }
        store.find(PendingKind.MIGRATION, migrationId).ifPresent(item -> store.put(new Item(item.kind(),
                item.refId(), item.toOrgId(), null, item.fromOrgId(), item.toOrgId(), item.subject(), item.detail(),
                at, null)));
    }

    void migrationEnded(long migrationId, long orgId, String rejectionReason, Instant at) {
        store.remove(PendingKind.MIGRATION, migrationId);
        if (rejectionReason != null) {
            store.message(orgId, MessageKind.MIGRATION_REJECTED, "组织迁移申请已被退回:" + rejectionReason, at);
        }
    }

    void closed(PendingKind kind, long refId) {
        store.remove(kind, refId);
    }

    /**
     * R-IMP-2: the uploading org's admins are told how the import ended; one with failed rows or a refused file
     * waits in their list for 30 days (then it is no longer shown, and dropped).
     */
    void importFinished(ImportFinished finished, Instant at) {
        store.message(finished.orgId(), MessageKind.IMPORT_FINISHED, ImportResult.message(finished), at);
        if (ImportResult.waits(finished)) {
            store.put(Item.keyed(PendingKind.IMPORT_RESULT, finished.jobId().toString(), finished.orgId(),
                    finished.fileName(), ImportResult.detail(finished), at, at.plus(ImportResult.LISTED)));
        }
        store.pruneListed(at);
    }

    /**
     * R-ID-1, R-ID-3: a person the centre did not confirm waits at their org (the branch of their membership or the
     * org of a post, as the identity service knows it, else as the projection does) until a later check passes, their
     * details change or they are deleted. A failure again (the periodic re-check) refreshes it.
     */
    void identityFailed(IdentityVerificationFailed failed, Instant at) {
        String idNumber = canonical(failed.idNumber());
        Long orgId = failed.orgId() != null ? failed.orgId() : store.orgOfPerson(idNumber).orElse(null);
        if (orgId == null) { // nowhere yet: its entry has not reached stats-service; the re-check will say again
            return;
        }
        store.put(Item.keyed(PendingKind.IDENTITY_FAILURE, idNumber, orgId, failed.name(),
                "身份核验不通过:" + failed.reason(), at, null));
    }

    /** R-AUTH-3: the admins of each of the person's orgs are told a reset code was issued. */
    void resetCodeIssued(ResetCodeIssued issued, Instant at) {
        String text = ResetCodeNotice.text(issued);
        issued.orgIds().stream().distinct().forEach(orgId -> store.message(orgId, MessageKind.RESET_CODE_ISSUED,
                text, at));
    }

    void identityCleared(String idNumber) {
        store.remove(PendingKind.IDENTITY_FAILURE, canonical(idNumber));
    }

    private static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private Item transferItem(long transferId, String idNumber, long fromOrgId, Long toOrgId, TransferStep step,
                              Instant at) {
        OrgSnapshot from = org(fromOrgId);
        OrgSnapshot to = toOrgId == null ? null : org(toOrgId);
        WaitingAt waiting = WaitingAt.transferStep(step, from, to);
        return new Item(PendingKind.TRANSFER, transferId, waiting.orgId(), waiting.parentOrgId(), fromOrgId, toOrgId,
                idNumber, step.name(), at, at.plus(DEADLINE));
    }

    /** The org from the replica; one it does not hold yet is taken as a branch without parent. */
    private OrgSnapshot org(long orgId) {
        return tree.find(orgId).orElseGet(() -> new OrgSnapshot(orgId, null, String.valueOf(orgId), OrgType.BRANCH,
                null, null, null, null, null, null, null, null));
    }

    private String orgName(long orgId) {
        return tree.find(orgId).map(OrgSnapshot::fullName).orElse("组织 " + orgId);
    }
}
