package cn.league.org.school;

import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;

/** Setting, changing and clearing a school's 学校机构编号 (R-ORG-8). */
@Service
public class SchoolCodes {

    private final OrgStore orgs;
    private final SchoolStore store;
    private final Scope scope;
    private final Outbox outbox;

    SchoolCodes(OrgStore orgs, SchoolStore store, Scope scope, Outbox outbox) {
        this.orgs = orgs;
        this.store = store;
        this.scope = scope;
        this.outbox = outbox;
    }

    /** @param code the new code, or null to clear it */
    @Transactional
    public Org save(String caller, long orgId, String code) {
        Org org = orgs.lock(orgId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, orgId);
        OrgDomain parentDomain = org.parentId() == null ? null
                : orgs.find(org.parentId()).map(Org::domain).orElse(null);
        SchoolCodeRule.checkHolder(org, parentDomain, scope.administers(caller, orgId));
        String normalised = code == null ? null : SchoolCodeRule.normalised(code);
        if (normalised != null && store.schoolCodeTakenByAnother(normalised, orgId)) {
            throw SchoolCodeRule.taken();
        }
        if (Objects.equals(normalised, org.schoolCode())) {
            return org;
        }
        Org saved = withSchoolCode(org, normalised);
        try {
            orgs.update(saved);
        } catch (DuplicateKeyException takenMeanwhile) {
            throw SchoolCodeRule.taken();
        }
        outbox.publish(Topics.ORG_EVENTS, new OrgChanged(saved.snapshot()), saved.eventKey(), saved.path());
        return saved;
    }

    private static Org withSchoolCode(Org org, String code) {
        return org.withSchoolCode(code);
    }
}
