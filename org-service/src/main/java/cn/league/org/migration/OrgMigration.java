package cn.league.org.migration;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.MigrationApproved;
import cn.league.contracts.org.OrgEvents.MigrationApprover;
import cn.league.contracts.org.OrgEvents.MigrationRejected;
import cn.league.contracts.org.OrgEvents.MigrationRequested;
import cn.league.contracts.org.OrgEvents.MigrationWithdrawn;
import cn.league.contracts.org.OrgEvents.SubtreeMoved;
import cn.league.org.migration.MigrationStepRule.Party;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * Org migration (组织迁移, R-ORG-7): an org's own admin requests, the old direct parent's admin approves, then the
 * new parent's admin; the last approval moves the whole subtree in one transaction and one event.
 */
@Service
public class OrgMigration {

    private final MigrationStore migrations;
    private final OrgStore orgs;
    private final Scope scope;
    private final Outbox outbox;

    public OrgMigration(MigrationStore migrations, OrgStore orgs, Scope scope, Outbox outbox) {
        this.migrations = migrations;
        this.orgs = orgs;
        this.scope = scope;
        this.outbox = outbox;
    }

    @Transactional
    public MigrationHistory request(String caller, long orgId, long newParentId, String reason) {
        Org org = orgs.lock(orgId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, orgId);
        if (!scope.administers(caller, orgId)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "MIGRATION_BY_OWN_ADMIN", "R-ORG-7",
                    "组织迁移由本组织管理员申请");
        }
        MigrationTargetRule.check(org, newParent(newParentId));
        if (migrations.hasOpen(orgId)) {
            throw new ProblemException(HttpStatus.CONFLICT, "MIGRATION_ALREADY_OPEN", "R-ORG-7",
                    "该组织已有迁移申请正在办理,不能重复发起");
        }
        String requester = Scope.normalised(caller);
        Migration migration = migrations.insert(orgId, org.parentId(), newParentId, reason.strip(), requester);
        migrations.addStep(migration.id(), StepAction.REQUESTED, null, requester, migration.reason());
        outbox.publish(Topics.ORG_EVENTS, new MigrationRequested(migration.id(), orgId, migration.oldParentId(),
                newParentId, requester, migration.reason()), org.eventKey(), org.path());
        return history(migration.id());
    }

    /** Approves the step that is the caller's; the last approval moves the subtree. */
    @Transactional
    public MigrationHistory approve(String caller, long migrationId) {
        Migration migration = migrations.lock(migrationId).orElseThrow(OrgMigration::notFound);
        Org org = migratingOrg(migration);
        MigrationApprover as = MigrationStepRule.decidingAs(migration, party(caller, migration));
        Org newParent = orgs.lock(migration.newParentId()).orElseThrow(OrgMigration::newParentGone);
        MigrationTargetRule.check(org, newParent); // again: the tree may have changed since the request
        String approver = Scope.normalised(caller);
        migrations.addStep(migrationId, StepAction.APPROVED, as, approver, null);
        outbox.publish(Topics.ORG_EVENTS, new MigrationApproved(migrationId, org.id(), migration.oldParentId(),
                migration.newParentId(), as, approver), org.eventKey(), org.path());
        if (as == MigrationApprover.OLD_PARENT) {
            migrations.changeState(migrationId, MigrationState.AWAITING_NEW_PARENT);
        } else {
            move(org, newParent);
            migrations.changeState(migrationId, MigrationState.MOVED);
        }
        return history(migrationId);
    }

    @Transactional
    public MigrationHistory reject(String caller, long migrationId, String reason) {
        Migration migration = migrations.lock(migrationId).orElseThrow(OrgMigration::notFound);
        Org org = migratingOrg(migration);
        MigrationApprover as = MigrationStepRule.decidingAs(migration, party(caller, migration));
        String rejecter = Scope.normalised(caller);
        migrations.addStep(migrationId, StepAction.REJECTED, as, rejecter, reason.strip());
        migrations.changeState(migrationId, MigrationState.REJECTED);
        outbox.publish(Topics.ORG_EVENTS, new MigrationRejected(migrationId, org.id(), migration.oldParentId(),
                migration.newParentId(), as, rejecter, reason.strip()), org.eventKey(), org.path());
        return history(migrationId);
    }

    @Transactional
    public MigrationHistory withdraw(String caller, long migrationId) {
        Migration migration = migrations.lock(migrationId).orElseThrow(OrgMigration::notFound);
        MigrationStepRule.checkWithdrawal(migration, caller);
        Org org = migratingOrg(migration);
        migrations.addStep(migrationId, StepAction.WITHDRAWN, null, migration.requestedBy(), null);
        migrations.changeState(migrationId, MigrationState.WITHDRAWN);
        outbox.publish(Topics.ORG_EVENTS, new MigrationWithdrawn(migrationId, org.id(), migration.oldParentId(),
                migration.newParentId(), migration.requestedBy()), org.eventKey(), org.path());
        return history(migrationId);
    }

    /** Migrations waiting for the caller's decision (R-OPS-1), page by page in id order. */
    @Transactional(readOnly = true)
    public List<MigrationSummary> awaitingDecisionOf(String caller, long afterId, int limit) {
        return migrations.awaitingDecisionOf(Scope.normalised(caller), afterId, limit);
    }

    /** An org's migrations, newest first, for those who may act on the org (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public List<MigrationSummary> ofOrg(String caller, long orgId, long beforeId, int limit) {
        orgs.find(orgId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, orgId);
        return migrations.ofOrg(orgId, beforeId, limit);
    }

    /**
     * One migration and its steps, for the requester and for admins of the org, of its old parent or of its
     * new parent, or above them (R-SCOPE-1).
     */
    @Transactional(readOnly = true)
    public MigrationHistory read(String caller, long migrationId) {
        Migration migration = migrations.find(migrationId).orElseThrow(OrgMigration::notFound);
        boolean party = migration.requestedBy().equals(Scope.normalised(caller))
                || scope.mayActOn(caller, migration.orgId())
                || scope.mayActOn(caller, migration.oldParentId())
                || scope.mayActOn(caller, migration.newParentId());
        if (!party) {
            throw Scope.outOfScope("R-SCOPE-1");
        }
        return history(migrationId);
    }

    /** R-ORG-7: every path of the subtree in one statement, announced by one event. */
    private void move(Org org, Org newParent) {
        migrations.lockSubtree(org.path());
        migrations.moveSubtree(org.id(), org.path(), newParent.id(), newParent.path());
        String newPath = newParent.path() + "." + org.id();
        outbox.publish(Topics.ORG_EVENTS, new SubtreeMoved(org.id(), newParent.id(), org.path(), newPath),
                org.eventKey(), newPath);
    }

    /** R-SCOPE-2: the old parent's step belongs to an admin of the org's direct parent only. */
    private Party party(String caller, Migration migration) {
        return new Party(scope.mayActAsParentOf(caller, migration.orgId()),
                scope.administers(caller, migration.newParentId()));
    }

    private Org migratingOrg(Migration migration) {
        return orgs.lock(migration.orgId()).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "MIGRATION_ORG_GONE", "R-ORG-7", "申请迁移的组织已不存在"));
    }

    private Org newParent(long newParentId) {
        return orgs.find(newParentId).orElseThrow(OrgMigration::newParentGone);
    }

    private MigrationHistory history(long migrationId) {
        return new MigrationHistory(migrations.summary(migrationId).orElseThrow(), migrations.steps(migrationId));
    }

    private static ProblemException newParentGone() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "NEW_PARENT_NOT_FOUND", "R-ORG-7",
                "所选的迁入组织不存在");
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "MIGRATION_NOT_FOUND", null, "迁移申请不存在");
    }
}
