package cn.league.org.scope;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.league.support.problem.ProblemException;
import cn.league.support.security.ActiveOrg;
import cn.league.support.security.OrgScope;

/**
 * Who may act on which org, from org-service's own tree and admin table. R-SCOPE-1: an admin of org X
 * acts on X and everything below it, never above or beside. R-SCOPE-2: some acts belong to the
 * direct parent's admin only.
 */
@Component
public class Scope implements OrgScope {

    private final JdbcClient jdbc;

    public Scope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean mayActOn(String idNumber, long orgId) {
        return present(idNumber) && jdbc.sql("""
                        select exists (
                            select 1 from org target
                            join org_admin admin on admin.id_number = ?
                            join org administered on administered.id = admin.org_id
                            where target.id = ? and administered.path @> target.path
                              and (? = 0 or admin.org_id = ?))""")
                .params(normalised(idNumber), orgId, active(), active())
                .query(Boolean.class).single();
    }

    @Override
    public boolean administers(String idNumber, long orgId) {
        return present(idNumber) && ActiveOrg.admits(orgId)
                && jdbc.sql("select exists (select 1 from org_admin where id_number = ? and org_id = ?)")
                .params(normalised(idNumber), orgId)
                .query(Boolean.class).single();
    }

    @Override
    public boolean mayActAsParentOf(String idNumber, long orgId) {
        return present(idNumber) && jdbc.sql("""
                        select exists (
                            select 1 from org target
                            join org_admin admin on admin.org_id = target.parent_id
                            where target.id = ? and admin.id_number = ? and (? = 0 or admin.org_id = ?))""")
                .params(orgId, normalised(idNumber), active(), active())
                .query(Boolean.class).single();
    }

    /** R-ADM-8: the person holds a post or admin rights in the org, so may choose it as their active org. */
    @Override
    public boolean belongsTo(String idNumber, long orgId) {
        return present(idNumber) && jdbc.sql("""
                        select exists (select 1 from org_admin where org_id = ? and id_number = ?)
                            or exists (select 1 from org_post where org_id = ? and id_number = ?)""")
                .params(orgId, normalised(idNumber), orgId, normalised(idNumber))
                .query(Boolean.class).single();
    }

    private static boolean present(String idNumber) {
        return idNumber != null && !idNumber.isBlank();
    }

    /** The chosen org's id, or 0 (no org has it) when none was chosen. */
    private static long active() {
        return ActiveOrg.current().orElse(0L);
    }

    public void requireMayActOn(String idNumber, long orgId) {
        if (!mayActOn(idNumber, orgId)) {
            throw outOfScope("R-SCOPE-1");
        }
    }

    public void requireParentAdmin(String idNumber, long orgId) {
        if (!mayActAsParentOf(idNumber, orgId)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "PARENT_ADMIN_ONLY", "R-SCOPE-2",
                    "只有直属上级组织的管理员可以执行此操作");
        }
    }

    /** Refuses without telling anything about the org. */
    public static ProblemException outOfScope(String rule) {
        return new ProblemException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE", rule, "无权操作该组织");
    }

    /** Keycloak lower-cases login names; an ID number ending in X is stored upper-case here. */
    public static String normalised(String idNumber) {
        return idNumber.toUpperCase(Locale.ROOT);
    }
}
