package cn.league.org.tree;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.org.scope.Scope;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/** Reading the tree and growing it by one org at a time. */
@Service
public class OrgTree {

    private final OrgStore store;
    private final Scope scope;
    private final Outbox outbox;

    public OrgTree(OrgStore store, Scope scope, Outbox outbox) {
        this.store = store;
        this.scope = scope;
        this.outbox = outbox;
    }

    /** An org the caller may see (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public Org get(String caller, long orgId) {
        Org org = store.find(orgId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, orgId);
        return org;
    }

    /** A page of direct children, in id order; {@code afterId} is the last id of the previous page. */
    @Transactional(readOnly = true)
    public List<Org> children(String caller, long orgId, long afterId, int limit) {
        get(caller, orgId);
        return store.children(orgId, afterId, limit);
    }

    /** Creates a direct child of an org in the caller's subtree (R-ORG-1, R-SCOPE-1). */
    @Transactional
    public Org createChild(String caller, long parentId, NewOrg request) {
        Org parent = store.lock(parentId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, parentId);
        OrgShapeRule.checkNewChild(parent.type(), request.type(), request.branchKind());
        BranchKindRule.checkParent(parent.type(), parent.domain(), request.branchKind());
        SchoolLevelRule.check(request.domain(), request.schoolLevel());
        long id = store.nextId();
        Org child = Org.childOf(parent, id, new Org.Info(request.type(), request.domain(), request.schoolLevel(),
                request.fullName().strip(), request.shortName().strip(), request.contactPerson(),
                request.contactPhone(), request.baseline2017()), request.branchKind(), false);
        store.insert(child);
        outbox.publish(Topics.ORG_EVENTS, new OrgCreated(child.snapshot()), child.eventKey(), child.path());
        return child;
    }

    public static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "ORG_NOT_FOUND", null, "团组织不存在");
    }
}
