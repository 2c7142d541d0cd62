package cn.league.org.admin;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.AdminRevoked;
import cn.league.org.admin.AdminChangeRule.Actor;
import cn.league.org.people.People;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;

/** 管理员变更: listing, adding and removing an org's admins (R-ADM-1, 2, 4, 5, 6). */
@Service
public class AdminChange {

    private final OrgStore orgs;
    private final AdminStore admins;
    private final People people;
    private final Scope scope;
    private final Outbox outbox;

    public AdminChange(OrgStore orgs, AdminStore admins, People people, Scope scope, Outbox outbox) {
        this.orgs = orgs;
        this.admins = admins;
        this.people = people;
        this.scope = scope;
        this.outbox = outbox;
    }

    /** Any admin of the org or above it may read the list (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public List<AdminView> list(String caller, long orgId) {
        orgs.find(orgId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, orgId);
        return admins.admins(orgId);
    }

    @Transactional
    public void grant(String caller, long orgId, String idNumber) {
        Org org = orgs.lock(orgId).orElseThrow(OrgTree::notFound);
        AdminChangeRule.checkMayChange(actor(caller, orgId));
        String person = Scope.normalised(idNumber);
        AdminChangeRule.checkGrant(org.type(), admins.count(orgId), admins.isAdmin(orgId, person),
                people.isCadre(person, orgId));
        admins.grant(orgId, person);
        outbox.publish(Topics.ORG_EVENTS, new AdminGranted(orgId, person), org.eventKey(), org.path());
    }

    @Transactional
    public void revoke(String caller, long orgId, String idNumber) {
        Org org = orgs.lock(orgId).orElseThrow(OrgTree::notFound);
        AdminChangeRule.checkMayChange(actor(caller, orgId));
        String person = Scope.normalised(idNumber);
        AdminChangeRule.checkRevoke(Scope.normalised(caller), person, admins.isAdmin(orgId, person));
        admins.revoke(orgId, person);
        outbox.publish(Topics.ORG_EVENTS, new AdminRevoked(orgId, person), org.eventKey(), org.path());
    }

    /** R-ADM-8: where the caller is admin or holds a post. */
    @Transactional(readOnly = true)
    public List<MyOrg> orgsOf(String caller) {
        return admins.orgsOf(Scope.normalised(caller));
    }

    private Actor actor(String caller, long orgId) {
        if (scope.administers(caller, orgId)) {
            return Actor.OWN_ADMIN;
        }
        if (scope.mayActAsParentOf(caller, orgId)) {
            return Actor.PARENT_ADMIN;
        }
        return scope.mayActOn(caller, orgId) ? Actor.HIGHER_ADMIN : Actor.OTHER;
    }
}
