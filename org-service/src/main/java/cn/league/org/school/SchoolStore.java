package cn.league.org.school;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.OrgType;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.support.security.ActiveOrg;

/** SQL of school codes, graduation marks and the yearly conversion. */
@Repository
class SchoolStore {

    private final JdbcClient jdbc;
    private final OrgStore orgs;

    SchoolStore(JdbcClient jdbc, OrgStore orgs) {
        this.jdbc = jdbc;
        this.orgs = orgs;
    }

    boolean schoolCodeTakenByAnother(String code, long orgId) {
        return jdbc.sql("select exists (select 1 from org where school_code = ? and id <> ?)")
                .params(code, orgId).query(Boolean.class).single();
    }

    /** The orgs among {@code org} and its ancestors that the person administers. */
    List<Org> administeredOnPath(String idNumber, Org org) {
        List<Long> ids = jdbc.sql("""
                        select administered.id from org administered
                        join org_admin admin on admin.org_id = administered.id
                        where admin.id_number = ? and administered.path @> ?::ltree and (? = 0 or admin.org_id = ?)""")
                .params(Scope.normalised(idNumber), org.path(), ActiveOrg.current().orElse(0L),
                        ActiveOrg.current().orElse(0L))
                .query(Long.class).list();
        return ids.stream().map(id -> orgs.find(id).orElseThrow()).toList();
    }

    /**
     * Turns up to {@code limit} branches marked with {@code year} into graduate branches. Rows another
     * transaction is converting are skipped, so concurrent runs split the work and never convert twice.
     */
    List<Graduated> graduateBatch(int year, int limit) {
        return jdbc.sql("""
                        with due as (
                            select id from org where type = ? and graduation_year = ?
                            order by id limit ? for update skip locked)
                        update org set type = ?, updated_at = now()
                        from due where org.id = due.id
                        returning org.id, coalesce(org.tree_root_id, org.id) as tree_key,
                                  subpath(org.path, 0, 2)::text as tree_path""")
                .params(OrgType.BRANCH.name(), year, limit, OrgType.GRADUATE_BRANCH.name())
                .query((row, n) -> new Graduated(row.getLong("id"), row.getString("tree_key"),
                        row.getString("tree_path")))
                .list();
    }

    /**
     * Turns these branches, if still marked with {@code year} and not yet converted, into graduate branches (a mark
     * of this year set once the conversion date has come; the caller's transaction holds their rows).
     */
    List<Graduated> graduate(List<Long> branchIds, int year) {
        String ids = branchIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return jdbc.sql("""
                        update org set type = ?, updated_at = now()
                        where id = any (cast(? as bigint[])) and type = ? and graduation_year = ?
                        returning org.id, coalesce(org.tree_root_id, org.id) as tree_key,
                                  subpath(org.path, 0, 2)::text as tree_path""")
                .params(OrgType.GRADUATE_BRANCH.name(), ids, OrgType.BRANCH.name(), year)
                .query((row, n) -> new Graduated(row.getLong("id"), row.getString("tree_key"),
                        row.getString("tree_path")))
                .list();
    }

    /** A branch just turned into a graduate branch, with the key and path of its provincial-level tree. */
    record Graduated(long id, String treeKey, String treePath) {
    }
}
