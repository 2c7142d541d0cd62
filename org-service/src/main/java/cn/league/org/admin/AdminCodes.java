package cn.league.org.admin;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.AdminCodesIssued;
import cn.league.org.admin.AdminCodeStore.ChildOrg;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/** Issuing admin registration codes for direct children, one or all at once (R-ADM-3, R-SCOPE-2). */
@Service
public class AdminCodes {

    private final OrgStore orgs;
    private final AdminCodeStore codes;
    private final Scope scope;
    private final Outbox outbox;

    public AdminCodes(OrgStore orgs, AdminCodeStore codes, Scope scope, Outbox outbox) {
        this.orgs = orgs;
        this.codes = codes;
        this.scope = scope;
        this.outbox = outbox;
    }

    /** A code for one direct child of an org the caller administers; replaces the child's unused older code. */
    @Transactional
    public IssuedAdminCode issueFor(String caller, long orgId) {
        Org org = orgs.lock(orgId).orElseThrow(OrgTree::notFound);
        scope.requireParentAdmin(caller, orgId);
        Org parent = orgs.find(org.parentId()).orElseThrow(OrgTree::notFound);
        return issue(caller, parent, List.of(new ChildOrg(org.id(), org.fullName(), org.shortName()))).getFirst();
    }

    /** A code for every direct child of the org, in id order (批量生成所有直属下级组织的管理员注册码). */
    @Transactional
    public List<IssuedAdminCode> issueForAllChildren(String caller, long parentId) {
        Org parent = orgs.find(parentId).orElseThrow(OrgTree::notFound);
        if (!scope.administers(caller, parentId)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "PARENT_ADMIN_ONLY", "R-SCOPE-2",
                    "只有直属上级组织的管理员可以为下级组织生成管理员注册码");
        }
        List<ChildOrg> children = codes.lockChildren(parentId);
        return children.isEmpty() ? List.of() : issue(caller, parent, children);
    }

    private List<IssuedAdminCode> issue(String caller, Org parent, List<ChildOrg> children) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(AdminCode.VALIDITY);
        List<IssuedAdminCode> issued = children.stream()
                .map(child -> new IssuedAdminCode(child.id(), child.fullName(), child.shortName(), AdminCode.random(),
                        expiresAt))
                .toList();
        List<Long> orgIds = issued.stream().map(IssuedAdminCode::orgId).toList();
        codes.issue(orgIds, issued.stream().map(code -> AdminCode.hash(code.code())).toList(),
                Scope.normalised(caller), now, expiresAt);
        outbox.publish(Topics.ORG_EVENTS, new AdminCodesIssued(parent.id(), orgIds, expiresAt), parent.eventKey(),
                parent.path());
        return issued;
    }
}
