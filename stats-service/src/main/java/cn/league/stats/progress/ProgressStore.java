package cn.league.stats.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.OrgDomain;

/** Reads a snapshot's figures: one org's, or its direct children's page by page; and the 2017 baseline. */
@Repository
class ProgressStore {

    private final JdbcClient jdbc;

    ProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figures ofOrg(long snapshotId, long orgId, OrgDomain domain) {
        return jdbc.sql("select " + Figures.SUMS + " from snapshot_figure f where f.snapshot_id = :snapshot"
                        + " and f.org_id = :org")
                .param("snapshot", snapshotId).param("org", orgId).param("domain", nameOf(domain))
                .query((row, n) -> Figures.of(row)).single();
    }

    /** The direct children as of the snapshot, by id, with their figures (zeros where none in the domain). */
    Map<Long, Figures> children(long snapshotId, long parentId, OrgDomain domain, int offset, int limit) {
        Map<Long, Figures> children = new LinkedHashMap<>();
        jdbc.sql("select f.org_id, " + Figures.SUMS + """
                         from snapshot_figure f where f.snapshot_id = :snapshot and f.parent_id = :parent
                        group by f.org_id order by f.org_id offset :offset limit :limit""")
                .param("snapshot", snapshotId).param("parent", parentId).param("domain", nameOf(domain))
                .param("offset", offset).param("limit", limit)
                .query(row -> {
                    children.put(row.getLong("org_id"), Figures.of(row));
                });
        return children;
    }

    /** The org's figures at a snapshot, for a trend. */
    record Point(Instant asOf, Figures figures) {
    }

    /**
     * The org's figures at each kept snapshot taken in [from, to), oldest first, at most {@code limit}: zeros at a
     * snapshot where its subtree held nothing (of the domain).
     */
    List<Point> trend(long orgId, OrgDomain domain, Instant from, Instant to, int limit) {
        return jdbc.sql("select s.as_of, " + Figures.SUMS + """
                          from snapshot s
                          left join snapshot_figure f on f.snapshot_id = s.id and f.org_id = :org
                         where s.as_of >= :from and s.as_of < :to
                         group by s.id, s.as_of order by s.as_of limit :limit""")
                .param("org", orgId).param("domain", nameOf(domain))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query((row, n) -> new Point(row.getTimestamp("as_of").toInstant(), Figures.of(row)))
                .list();
    }

    /** A school's top org (its domain 学校, its parent's not) with its school figures. */
    record School(long orgId, String fullName, String type, String schoolLevel, Figures figures) {
    }

    /** R-STAT-4: the schools at or below the org (path), by id, with their school-domain figures at the snapshot. */
    List<School> schools(long snapshotId, String path, int offset, int limit) {
        return jdbc.sql("select o.id, o.full_name, o.type, o.school_level, " + Figures.SUMS + """
                          from org_replica.org o
                          join org_replica.org p on p.id = o.parent_id
                          join snapshot_figure f on f.snapshot_id = :snapshot and f.org_id = o.id
                         where o.domain = 'SCHOOL' and p.domain is distinct from 'SCHOOL'
                           and (o.path = :path or o.path like :below)
                         group by o.id, o.full_name, o.type, o.school_level
                         order by o.id offset :offset limit :limit""")
                .param("snapshot", snapshotId).param("domain", OrgDomain.SCHOOL.name())
                .param("path", path).param("below", path + ".%") // paths hold digits and dots only
                .param("offset", offset).param("limit", limit)
                .query((row, n) -> new School(row.getLong("id"), row.getString("full_name"), row.getString("type"),
                        row.getString("school_level"), Figures.of(row)))
                .list();
    }

    long countChildren(long snapshotId, long parentId) {
        return jdbc.sql("""
                        select count(distinct org_id) from snapshot_figure
                         where snapshot_id = ? and parent_id = ?""")
                .params(snapshotId, parentId).query(Long.class).single();
    }

    /** Replaces the baseline of the orgs named; the others keep theirs. */
    void putBaselines(Map<Long, Long> counts) {
        jdbc.sql("""
                        insert into baseline (org_id, members)
                        select * from unnest(cast(? as bigint[]), cast(? as bigint[]))
                        on conflict (org_id) do update set members = excluded.members""")
                .params(counts.keySet().toArray(Long[]::new), counts.values().toArray(Long[]::new))
                .update();
    }

    Map<Long, Long> baselines(List<Long> orgIds) {
        Map<Long, Long> baselines = new HashMap<>();
        if (!orgIds.isEmpty()) {
            jdbc.sql("select org_id, members from baseline where org_id = any (?)")
                    .param(orgIds.toArray(Long[]::new))
                    .query(row -> {
                        baselines.put(row.getLong(1), row.getLong(2));
                    });
        }
        return baselines;
    }

    private static String nameOf(OrgDomain domain) {
        return domain == null ? null : domain.name();
    }
}
