package cn.league.member.scope;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.orgreplica.OrgTree;
import cn.league.support.problem.ProblemException;

/**
 * Who may see and change which people, from member-service's own copy of the org tree.
 * R-SCOPE-1: an admin of org X acts on the people of X and below. R-SCOPE-3: a person sees and edits
 * their own profile.
 */
@Component
public class MemberScope {

    private final OrgTree tree;
    private final JdbcClient jdbc;

    public MemberScope(OrgTree tree, JdbcClient jdbc) {
        this.tree = tree;
        this.jdbc = jdbc;
    }

    /** The org, if the caller administers it or an org above it (R-SCOPE-1). */
    public OrgSnapshot requireOrgInScope(String caller, long orgId) {
        OrgSnapshot org = tree.find(orgId).orElseThrow(MemberScope::orgNotFound);
        if (!tree.mayActOn(caller, orgId)) {
            throw outOfScope();
        }
        return org;
    }

    /**
     * {@link #requireOrgInScope} for many orgs in a few queries (bulk paths): for each, the org or the problem that
     * refuses it.
     */
    public Map<Long, OrgInScope> orgsInScope(String caller, Collection<Long> orgIds) {
        Map<Long, OrgSnapshot> found = tree.findAll(orgIds);
        Set<Long> allowed = tree.mayActOnAll(caller, found.keySet());
        Map<Long, OrgInScope> scoped = new HashMap<>();
        for (Long orgId : orgIds) {
            OrgSnapshot org = found.get(orgId);
            scoped.put(orgId, org == null ? new OrgInScope(null, orgNotFound())
                    : allowed.contains(orgId) ? new OrgInScope(org, null) : new OrgInScope(null, outOfScope()));
        }
        return scoped;
    }

    /** An org the caller may act on, or (org null) why not. */
    public record OrgInScope(OrgSnapshot org, ProblemException refusal) {
    }

    /** Whether an admin may act on the person: their membership or one of their posts is in the admin's subtree. */
    public boolean mayActOnPerson(String caller, String idNumber) {
        return orgsOf(idNumber).stream().anyMatch(orgId -> tree.mayActOn(caller, orgId));
    }

    /** The person's orgs: the branch of their membership and the orgs of their posts. */
    public List<Long> orgsOf(String idNumber) {
        return jdbc.sql("""
                        select branch_id from membership where id_number = ?
                        union select org_id from post where id_number = ?""")
                .params(idNumber, idNumber)
                .query(Long.class).list();
    }

    /**
     * R-SCOPE-3 or R-SCOPE-1: the person themself, or an admin over them. Anyone else gets what an unknown ID number
     * gets, so that nobody outside a subtree learns whether a person is in the system (docs/security.md).
     */
    public void requireVisiblePerson(String caller, String idNumber) {
        if (!caller.equals(idNumber) && !mayActOnPerson(caller, idNumber)) {
            throw personNotFound();
        }
    }

    /** The one answer for a person who is not there, or not there for the caller. */
    public static ProblemException personNotFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "PERSON_NOT_FOUND", null, "人员不存在");
    }

    private static ProblemException orgNotFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "ORG_NOT_FOUND", null, "团组织不存在");
    }

    public static ProblemException outOfScope() {
        return new ProblemException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1", "无权操作该组织或人员");
    }
}
