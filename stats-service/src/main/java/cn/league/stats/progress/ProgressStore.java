package cn.league.stats.progress;

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

    long countChildren(long snapshotId, long parentId) {
        return jdbc.sql("""
                        select count(distinct org_id) from snapshot_figure
                         where snapshot_id = ? and parent_id = ?""")
                .params(snapshotId, parentId).query(Long.class).single();
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
