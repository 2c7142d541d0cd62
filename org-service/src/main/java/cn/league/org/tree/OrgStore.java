package cn.league.org.tree;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;
import cn.league.support.copy.CopyIn;

/** SQL for the org table. */
@Repository
public class OrgStore {

    static final String COLUMNS = """
            id, parent_id, path::text as path, type, branch_kind, domain, school_level, full_name, short_name,
            province_code, tree_root_id, contact_person, contact_phone, secretary_id_number, secretary_name,
            baseline_2017, school_code, graduation_year, category_confirmed""";

    private static final RowMapper<Org> ORG = OrgStore::org;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public OrgStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public Optional<Org> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from org where id = ?").param(id).query(ORG).optional();
    }

    /** The same, locked for the rest of the transaction. */
    public Optional<Org> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from org where id = ? for update").param(id).query(ORG).optional();
    }

    /** The orgs the first migration seeded (ids below the sequence's start), top first. */
    public List<Org> seeded() {
        return jdbc.sql("select " + COLUMNS + " from org where id < 1000 order by id").query(ORG).list();
    }

    public List<Org> children(long parentId, long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from org where parent_id = ? and id > ? order by id limit ?")
                .params(parentId, afterId, limit)
                .query(ORG)
                .list();
    }

    public int countChildren(long parentId) {
        return jdbc.sql("select count(*) from org where parent_id = ?").param(parentId).query(Integer.class).single();
    }

    /** The distinct categories of an org's children. */
    public List<OrgType> childTypes(long parentId) {
        return jdbc.sql("select distinct type from org where parent_id = ?").param(parentId)
                .query((row, n) -> OrgType.valueOf(row.getString(1))).list();
    }

    public boolean hasChildren(long parentId) {
        return jdbc.sql("select exists (select 1 from org where parent_id = ?)").param(parentId)
                .query(Boolean.class).single();
    }

    /** These orgs, locked for the rest of the transaction in id order (so two bulk calls never deadlock), by id. */
    public Map<Long, Org> lockAll(Long[] ids) {
        Map<Long, Org> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from org where id = any (cast(? as bigint[])) order by id for update")
                .param(1, ids)
                .query(ORG)
                .list()
                .forEach(org -> found.put(org.id(), org));
        return found;
    }

    /** Every direct child of the org, in id order. */
    public List<Org> allChildren(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from org where parent_id = ? order by id").param(parentId)
                .query(ORG).list();
    }

    /** {@code count} new ids from the org sequence, in one round trip. */
    public long[] nextIds(int count) {
        return jdbc.sql("select nextval('org_id_seq') from generate_series(1, ?)").param(count)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** Stores new orgs by one COPY (the bulk path); parents come before their children. */
    public void copy(List<Org> orgs) {
        CopyIn rows = new CopyIn("org (id, parent_id, path, type, branch_kind, domain, school_level, full_name, "
                + "short_name, province_code, tree_root_id, contact_person, contact_phone, secretary_id_number, "
                + "secretary_name, baseline_2017, school_code, graduation_year, category_confirmed)", orgs.size());
        for (Org org : orgs) {
            rows.row(org.id(), org.parentId(), org.path(), org.type().name(), name(org.branchKind()),
                    org.domain().name(), name(org.schoolLevel()), org.fullName(), org.shortName(),
                    org.provinceCode(), org.treeRootId(), org.contactPerson(), org.contactPhone(),
                    org.secretaryIdNumber(), org.secretaryName(), org.baseline2017(), org.schoolCode(),
                    org.graduationYear(), org.categoryConfirmed());
        }
        rows.into(dataSource);
    }

    public long nextId() {
        return jdbc.sql("select nextval('org_id_seq')").query(Long.class).single();
    }

    public void insert(Org org) {
        jdbc.sql("""
                        insert into org (id, parent_id, path, type, branch_kind, domain, school_level, full_name,
                                         short_name, province_code, tree_root_id, contact_person, contact_phone,
                                         secretary_id_number, secretary_name, baseline_2017, school_code,
                                         graduation_year, category_confirmed)
                        values (?, ?, ?::ltree, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(org.id(), org.parentId(), org.path(), org.type().name(), name(org.branchKind()),
                        org.domain().name(), name(org.schoolLevel()), org.fullName(), org.shortName(),
                        org.provinceCode(), org.treeRootId(), org.contactPerson(), org.contactPhone(),
                        org.secretaryIdNumber(), org.secretaryName(), org.baseline2017(), org.schoolCode(),
                        org.graduationYear(), org.categoryConfirmed())
                .update();
    }

    /** Writes every info field of the org back; its place in the tree is not touched here. */
    public void update(Org org) {
        jdbc.sql("""
                        update org set type = ?, branch_kind = ?, domain = ?, school_level = ?, full_name = ?,
                                       short_name = ?, contact_person = ?, contact_phone = ?, secretary_id_number = ?,
                                       secretary_name = ?, baseline_2017 = ?, school_code = ?, graduation_year = ?,
                                       category_confirmed = ?, updated_at = now()
                        where id = ?""")
                .params(org.type().name(), name(org.branchKind()), org.domain().name(), name(org.schoolLevel()),
                        org.fullName(), org.shortName(), org.contactPerson(), org.contactPhone(),
                        org.secretaryIdNumber(), org.secretaryName(), org.baseline2017(), org.schoolCode(),
                        org.graduationYear(), org.categoryConfirmed(), org.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from org where id = ?").param(id).update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Org org(ResultSet row, int rowNumber) throws SQLException {
        return new Org(
                row.getLong("id"),
                row.getObject("parent_id", Long.class),
                row.getString("path"),
                OrgType.valueOf(row.getString("type")),
                enumOrNull(BranchKind.class, row.getString("branch_kind")),
                OrgDomain.valueOf(row.getString("domain")),
                enumOrNull(SchoolLevel.class, row.getString("school_level")),
                row.getString("full_name"),
                row.getString("short_name"),
                row.getString("province_code"),
                row.getObject("tree_root_id", Long.class),
                row.getString("contact_person"),
                row.getString("contact_phone"),
                row.getString("secretary_id_number"),
                row.getString("secretary_name"),
                row.getObject("baseline_2017", Integer.class),
                row.getString("school_code"),
                row.getObject("graduation_year", Integer.class),
                row.getBoolean("category_confirmed"));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
