package cn.league.org.admin;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.AdminRegistered;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * Registering as admin with a code (R-ADM-3): any logged-in person, also one whose org was deleted
 * (R-ADM-7, no new account), becomes admin and cadre of the code's org.
 */
@Service
public class AdminRegistration {

    private final AdminCodeStore codes;
    private final AdminStore admins;
    private final OrgStore orgs;
    private final Outbox outbox;

    public AdminRegistration(AdminCodeStore codes, AdminStore admins, OrgStore orgs, Outbox outbox) {
        this.codes = codes;
        this.admins = admins;
        this.orgs = orgs;
        this.outbox = outbox;
    }

    @Transactional
    public Org register(String caller, AdminRegistrationRequest request) {
        String hash = AdminCode.hash(request.code());
        Instant now = Instant.now();
        StoredAdminCode typed = codes.find(hash).orElse(null);
        AdminCodeRule.checkRedeemable(typed, now);
        // lock the org, then the code (the order issuing takes), and check again: someone may have been quicker
        Org org = orgs.lock(typed.orgId()).orElseThrow(OrgTree::notFound);
        AdminCodeRule.checkRedeemable(codes.lock(hash).orElse(null), now);
        String idNumber = Scope.normalised(caller);
        if (admins.isAdmin(org.id(), idNumber)) {
            throw AdminChangeRule.alreadyAdmin();
        }
        AdminLimitRule.checkRoomForOneMore(org.type(), admins.count(org.id()));
        String name = request.name().strip();
        String postTitle = request.postTitle().strip();
        admins.grant(org.id(), idNumber);
        admins.recordPost(org.id(), idNumber, postTitle);
        codes.markUsed(hash, idNumber, now);
        outbox.publish(Topics.ORG_EVENTS, new AdminRegistered(org.id(), idNumber, name, postTitle), org.eventKey(),
                org.path());
        outbox.publish(Topics.ORG_EVENTS, new AdminGranted(org.id(), idNumber), org.eventKey(), org.path());
        return org;
    }
}
