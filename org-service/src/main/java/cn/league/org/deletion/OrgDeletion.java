package cn.league.org.deletion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgType;
import cn.league.org.people.People;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;

/** Deleting a direct child (R-ORG-2, R-SCOPE-2). */
@Service
public class OrgDeletion {

    private final OrgStore store;
    private final People people;
    private final Scope scope;
    private final Outbox outbox;

    public OrgDeletion(OrgStore store, People people, Scope scope, Outbox outbox) {
        this.store = store;
        this.people = people;
        this.scope = scope;
        this.outbox = outbox;
    }

    /** @return the pending branch that took the org's people, or null when there were none */
    @Transactional
    public Org delete(String caller, long orgId) {
        Org org = store.lock(orgId).orElseThrow(OrgTree::notFound);
        scope.requireParentAdmin(caller, orgId);
        DeletionRule.Outcome outcome = DeletionRule.check(org, store.hasChildren(orgId), people.countPeople(orgId));
        Org pending = null;
        if (outcome == DeletionRule.Outcome.PEOPLE_TO_PENDING_BRANCH) {
            pending = pendingBranchFor(org);
            store.insert(pending);
            people.moveMembers(orgId, pending.id());
            outbox.publish(Topics.ORG_EVENTS, new OrgCreated(pending.snapshot()), pending.eventKey(), pending.path());
        }
        store.delete(orgId);
        outbox.publish(Topics.ORG_EVENTS, new OrgDeleted(orgId, org.path(), pending == null ? null : pending.id()),
                org.eventKey(), org.path());
        return pending;
    }

    /** 待接转团支部 under the same parent, named after the deleted branch so its admin recognises the people. */
    private Org pendingBranchFor(Org deleted) {
        Org parent = store.find(deleted.parentId()).orElseThrow(OrgTree::notFound);
        long id = store.nextId();
        return Org.childOf(parent, id, new Org.Info(OrgType.PENDING_BRANCH, deleted.domain(), deleted.schoolLevel(),
                "待接转团支部(原" + deleted.fullName() + ")", "待接转团支部", null, null, null), null, true);
    }
}
