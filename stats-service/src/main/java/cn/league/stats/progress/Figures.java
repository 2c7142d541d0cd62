package cn.league.stats.progress;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The subtree figures of an org at a snapshot (R-STAT-1, R-STAT-2): orgs by kind and how many completed, people. */
public record Figures(long leadingBodies, long leadingBodiesComplete, long bodies, long bodiesComplete,
                      long branches, long branchesComplete, long members, long membersComplete, long cadres,
                      long cadresComplete) {

    /** The SQL sums these are read from, over {@code snapshot_figure f}, limited to a domain when one is given. */
    static final String SUMS = """
            coalesce(sum(f.leading_bodies) filter (where %1$s), 0) as leading_bodies,
            coalesce(sum(f.leading_bodies_complete) filter (where %1$s), 0) as leading_bodies_complete,
            coalesce(sum(f.bodies) filter (where %1$s), 0) as bodies,
            coalesce(sum(f.bodies_complete) filter (where %1$s), 0) as bodies_complete,
            coalesce(sum(f.branches) filter (where %1$s), 0) as branches,
            coalesce(sum(f.branches_complete) filter (where %1$s), 0) as branches_complete,
            coalesce(sum(f.members) filter (where %1$s), 0) as members,
            coalesce(sum(f.members_complete) filter (where %1$s), 0) as members_complete,
            coalesce(sum(f.cadres) filter (where %1$s), 0) as cadres,
            coalesce(sum(f.cadres_complete) filter (where %1$s), 0) as cadres_complete"""
            .formatted("(cast(:domain as text) is null or f.domain = :domain)");

    static Figures of(ResultSet row) throws SQLException {
        return new Figures(row.getLong("leading_bodies"), row.getLong("leading_bodies_complete"),
                row.getLong("bodies"), row.getLong("bodies_complete"), row.getLong("branches"),
                row.getLong("branches_complete"), row.getLong("members"), row.getLong("members_complete"),
                row.getLong("cadres"), row.getLong("cadres_complete"));
    }
}
