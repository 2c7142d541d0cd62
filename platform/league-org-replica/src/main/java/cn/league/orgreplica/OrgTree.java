package cn.league.orgreplica;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;
import cn.league.support.security.ActiveOrg;
import cn.league.support.security.OrgScope;

/**
 * The org tree and its admins as this service knows them from org-service's events: answers scope
 * questions from the service's own database. A path holds the ids of every ancestor, so each check is a
 * primary-key lookup plus an index probe, never a walk of the tree.
 */
public class OrgTree implements OrgScope {

    static final String FIND = """
            select id, parent_id, path, type, branch_kind, domain, school_level, full_name, short_name,
                   province_code, tree_root_id, graduation_year
              from org_replica.org where id = ?""";

    static final String FIND_ALL = """
            select id, parent_id, path, type, branch_kind, domain, school_level, full_name, short_name,
                   province_code, tree_root_id, graduation_year
              from org_replica.org where id = any (cast(? as bigint[]))""";

    static final String IS_WITHIN = """
            select exists (select 1 from org_replica.org o
                            where o.id = ? and ? = any (cast(string_to_array(o.path, '.') as bigint[])))""";

    static final String ADMINISTERED_BY = "select org_id from org_replica.org_admin where id_number = ?";

    static final String MAY_ACT_ON = """
            select exists (select 1 from org_replica.org o
                             join org_replica.org_admin a
                               on a.org_id = any (cast(string_to_array(o.path, '.') as bigint[]))
                            where o.id = ? and a.id_number = ?)""";

    static final String MAY_ACT_ON_ALL = """
            select o.id from org_replica.org o
             where o.id = any (cast(? as bigint[]))
               and exists (select 1 from org_replica.org_admin a
                            where a.id_number = ?
                              and a.org_id = any (cast(string_to_array(o.path, '.') as bigint[])))""";

    static final String WITHIN_ALL = """
            select o.id from org_replica.org o
             where o.id = any (cast(? as bigint[])) and ? = any (cast(string_to_array(o.path, '.') as bigint[]))""";

    static final String MAY_ACT_AS_PARENT_OF = """
            select exists (select 1 from org_replica.org o
                             join org_replica.org_admin a on a.org_id = o.parent_id
                            where o.id = ? and a.id_number = ?)""";

    static final String ADMINISTERS =
            "select exists (select 1 from org_replica.org_admin where org_id = ? and id_number = ?)";

    static final String BELONGS_TO = """
            select exists (select 1 from org_replica.org_admin where org_id = ? and id_number = ?)
                or exists (select 1 from org_replica.org_post where org_id = ? and id_number = ?)""";

    private final JdbcClient jdbc;

    public OrgTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgSnapshot> find(long orgId) {
        return jdbc.sql(FIND).param(orgId).query(OrgTree::snapshot).optional();
    }

    /** {@link #find} for many orgs in one query (bulk paths): the ones the replica holds, by id. */
    public Map<Long, OrgSnapshot> findAll(Collection<Long> orgIds) {
        Map<Long, OrgSnapshot> found = new HashMap<>();
        if (!orgIds.isEmpty()) {
            jdbc.sql(FIND_ALL).param(orgIds.toArray(Long[]::new)).query(OrgTree::snapshot).list()
                    .forEach(org -> found.put(org.id(), org));
        }
        return found;
    }

    /** Whether {@code orgId} is {@code ancestorId} or lies below it. False for an org the replica does not hold. */
    public boolean isWithin(long orgId, long ancestorId) {
        return exists(IS_WITHIN, orgId, ancestorId);
    }

    /**
     * The orgs this person is an admin of, in any letter case of the ID number. With an org chosen for the request
     * ({@link ActiveOrg}, R-ADM-8) only that one counts, and so in every scope question below.
     */
    public Set<Long> administeredBy(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return Set.of();
        }
        Set<Long> orgs = new HashSet<>(jdbc.sql(ADMINISTERED_BY).param(IdNumber.canonical(idNumber))
                .query(Long.class).list());
        orgs.removeIf(orgId -> !ActiveOrg.admits(orgId));
        return orgs;
    }

    @Override
    public boolean mayActOn(String idNumber, long orgId) {
        if (idNumber == null || idNumber.isBlank()) {
            return false;
        }
        return ActiveOrg.current()
                .map(active -> isWithin(orgId, active) && exists(ADMINISTERS, active, IdNumber.canonical(idNumber)))
                .orElseGet(() -> exists(MAY_ACT_ON, orgId, IdNumber.canonical(idNumber)));
    }

    /** {@link #mayActOn} for many orgs in one or two queries (bulk paths): those of them the person may act on. */
    public Set<Long> mayActOnAll(String idNumber, Collection<Long> orgIds) {
        if (idNumber == null || idNumber.isBlank() || orgIds.isEmpty()) {
            return Set.of();
        }
        Long[] ids = orgIds.toArray(Long[]::new);
        return ActiveOrg.current()
                .map(active -> exists(ADMINISTERS, active, IdNumber.canonical(idNumber))
                        ? ids(WITHIN_ALL, ids, active) : Set.<Long>of())
                .orElseGet(() -> ids(MAY_ACT_ON_ALL, ids, IdNumber.canonical(idNumber)));
    }

    @Override
    public boolean mayActAsParentOf(String idNumber, long orgId) {
        if (idNumber == null || idNumber.isBlank()) {
            return false;
        }
        boolean parentAdmin = exists(MAY_ACT_AS_PARENT_OF, orgId, IdNumber.canonical(idNumber));
        return parentAdmin && ActiveOrg.current()
                .map(active -> find(orgId).map(org -> active.equals(org.parentId())).orElse(false))
                .orElse(true);
    }

    @Override
    public boolean administers(String idNumber, long orgId) {
        return idNumber != null && !idNumber.isBlank() && ActiveOrg.admits(orgId)
                && exists(ADMINISTERS, orgId, IdNumber.canonical(idNumber));
    }

    /** R-ADM-8: the person holds a post or admin rights in the org (so may choose it as their active org). */
    @Override
    public boolean belongsTo(String idNumber, long orgId) {
        return idNumber != null && !idNumber.isBlank() && exists(BELONGS_TO, orgId, IdNumber.canonical(idNumber),
                orgId, IdNumber.canonical(idNumber));
    }

    private Set<Long> ids(String sql, Object... params) {
        return new HashSet<>(jdbc.sql(sql).params(params).query(Long.class).list());
    }

    private boolean exists(String sql, Object... params) {
        return Boolean.TRUE.equals(jdbc.sql(sql).params(params).query(Boolean.class).single());
    }

    private static OrgSnapshot snapshot(ResultSet row, int rowNumber) throws SQLException {
        return new OrgSnapshot(
                row.getLong("id"),
                row.getObject("parent_id", Long.class),
                row.getString("path"),
                OrgType.valueOf(row.getString("type")),
                enumOf(BranchKind.class, row.getString("branch_kind")),
                enumOf(OrgDomain.class, row.getString("domain")),
                enumOf(SchoolLevel.class, row.getString("school_level")),
                row.getString("full_name"),
                row.getString("short_name"),
                row.getString("province_code"),
                row.getObject("tree_root_id", Long.class),
                row.getObject("graduation_year", Integer.class));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
