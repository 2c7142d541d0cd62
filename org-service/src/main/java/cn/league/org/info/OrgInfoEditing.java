package cn.league.org.info;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.contracts.org.OrgType;
import cn.league.org.info.OrgInfoRule.Editor;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgShapeRule;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.org.tree.SchoolLevelRule;
import cn.league.support.outbox.Outbox;

/** Saving org info (R-ORG-3, R-ORG-4); takes effect at once. */
@Service
public class OrgInfoEditing {

    private final OrgStore store;
    private final Scope scope;
    private final Outbox outbox;

    public OrgInfoEditing(OrgStore store, Scope scope, Outbox outbox) {
        this.store = store;
        this.scope = scope;
        this.outbox = outbox;
    }

    @Transactional
    public Org save(String caller, long orgId, OrgInfoChange change) {
        Org org = store.lock(orgId).orElseThrow(OrgTree::notFound);
        Editor editor = editorOf(scope, caller, orgId);
        OrgInfoRule.check(org, change, editor);
        SchoolLevelRule.check(change.domain(), change.schoolLevel());
        if (change.type() != org.type()) {
            checkShapeAfterCategoryChange(org, change);
        }
        Org saved = org.withInfo(new Org.Info(change.type(), change.domain(), change.schoolLevel(),
                change.fullName().strip(), change.shortName().strip(), change.contactPerson(), change.contactPhone(),
                change.baseline2017()),
                // the own admin's first save is the verification that uses up the one category change
                org.categoryConfirmed() || editor == Editor.OWN_ADMIN);
        store.update(saved);
        outbox.publish(Topics.ORG_EVENTS, new OrgChanged(saved.snapshot()), saved.eventKey(), saved.path());
        return saved;
    }

    /** How the caller stands to the org, for R-ORG-3 and R-ORG-4. */
    static Editor editorOf(Scope scope, String caller, long orgId) {
        if (scope.administers(caller, orgId)) {
            return Editor.OWN_ADMIN;
        }
        return scope.mayActAsParentOf(caller, orgId) ? Editor.PARENT_ADMIN : Editor.OTHER;
    }

    /** The new category must fit under the parent and over the children (R-ORG-1). */
    private void checkShapeAfterCategoryChange(Org org, OrgInfoChange change) {
        Org parent = store.find(org.parentId()).orElseThrow(OrgTree::notFound);
        OrgShapeRule.checkNewChild(parent.type(), change.type(), org.branchKind());
        for (OrgType childType : store.childTypes(org.id())) {
            OrgShapeRule.checkHolds(change.type(), childType);
        }
    }
}
