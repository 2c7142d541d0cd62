package cn.league.stats.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.stats.projection.OwnFigures;
import cn.league.support.copy.CopyIn;

/** Snapshots and their figures. */
@Repository
public class SnapshotStore {

    private static final int COPY_ROWS = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;

    SnapshotStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    /** A snapshot: its id and the moment its figures are as of. */
    public record Snapshot(long id, Instant asOf) {
    }

    public Optional<Snapshot> latest() {
        return jdbc.sql("select id, as_of from snapshot order by as_of desc limit 1")
                .query((row, n) -> new Snapshot(row.getLong("id"), row.getTimestamp("as_of").toInstant()))
                .optional();
    }

    boolean exists(Instant asOf) {
        return jdbc.sql("select exists (select 1 from snapshot where as_of = ?)").param(Timestamp.from(asOf))
                .query(Boolean.class).single();
    }

    /** The org tree from the replica with each org's own figures, read in one statement (one consistent view). */
    RollUp treeWithOwnFigures() {
        RollUp rollUp = new RollUp();
        streaming.query("""
                select o.id, o.parent_id, o.path, o.type, o.domain, f.members, f.members_complete, f.cadres,
                       f.cadres_complete, f.people, f.people_complete
                  from org_replica.org o left join org_figure f on f.org_id = o.id""",
                row -> {
                    rollUp.add(org(row));
                });
        return rollUp;
    }

    long insert(Instant asOf) {
        return jdbc.sql("insert into snapshot (as_of, millis) values (?, 0) returning id")
                .param(Timestamp.from(asOf)).query(Long.class).single();
    }

    void finished(long snapshotId, long millis) {
        jdbc.sql("update snapshot set millis = ? where id = ?").params(millis, snapshotId).update();
    }

    /** Writes the subtree figures with COPY, a chunk of rows at a time. */
    int writeFigures(long snapshotId, RollUp rollUp) {
        int[] written = {0};
        CopyIn[] rows = {newCopy()};
        rollUp.forEach((orgId, parentId, domain, figures) -> {
            Object[] values = new Object[4 + RollUp.WIDTH];
            values[0] = snapshotId;
            values[1] = orgId;
            values[2] = parentId;
            values[3] = domain.name();
            for (int f = 0; f < RollUp.WIDTH; f++) {
                values[4 + f] = figures[f];
            }
            rows[0].row(values);
            if (rows[0].size() == COPY_ROWS) {
                rows[0].into(dataSource);
                written[0] += COPY_ROWS;
                rows[0] = newCopy();
            }
        });
        written[0] += rows[0].size();
        rows[0].into(dataSource);
        return written[0];
    }

    /**
     * Drops the snapshots taken before {@code before}, except the one of each day's first hour (as of 00:00 Beijing
     * time): trends keep a figure a day for ever, and hourly ones for the recent days.
     */
    int prune(Instant before) {
        jdbc.sql("""
                        delete from snapshot_figure where snapshot_id in (
                            select id from snapshot where as_of < ?
                               and to_char(as_of at time zone 'Asia/Shanghai', 'HH24:MI') <> '00:00')""")
                .param(Timestamp.from(before)).update();
        return jdbc.sql("""
                        delete from snapshot where as_of < ?
                           and to_char(as_of at time zone 'Asia/Shanghai', 'HH24:MI') <> '00:00'""")
                .param(Timestamp.from(before)).update();
    }

    private static CopyIn newCopy() {
        return new CopyIn("snapshot_figure (snapshot_id, org_id, parent_id, domain, leading_bodies,"
                + " leading_bodies_complete, bodies, bodies_complete, branches, branches_complete, members,"
                + " members_complete, cadres, cadres_complete)", COPY_ROWS);
    }

    private static RollUp.Org org(ResultSet row) throws SQLException {
        long[] own = null;
        if (row.getObject("members") != null) {
            own = new long[OwnFigures.WIDTH];
            own[OwnFigures.MEMBERS] = row.getLong("members");
            own[OwnFigures.MEMBERS_COMPLETE] = row.getLong("members_complete");
            own[OwnFigures.CADRES] = row.getLong("cadres");
            own[OwnFigures.CADRES_COMPLETE] = row.getLong("cadres_complete");
            own[OwnFigures.PEOPLE] = row.getLong("people");
            own[OwnFigures.PEOPLE_COMPLETE] = row.getLong("people_complete");
        }
        String domain = row.getString("domain");
        return new RollUp.Org(row.getLong("id"), row.getObject("parent_id", Long.class), row.getString("path"),
                OrgType.valueOf(row.getString("type")), domain == null ? null : OrgDomain.valueOf(domain), own);
    }
}
