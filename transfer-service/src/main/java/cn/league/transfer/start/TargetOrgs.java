package cn.league.transfer.start;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * R-TR-10 (FAQ 74): choosing a transfer's target. First the provincial-level orgs — the provinces and, beside
 * them, the national system committees (全国铁道团委 …) with their own trees — then children page by page, all
 * from this service's org tree replica. Provinces come first, then the system committees (no province code).
 */
@Service
public class TargetOrgs {

    public record TargetOrg(long id, String fullName, String type, boolean systemCommittee, boolean receives) {
    }

    private final JdbcClient jdbc;

    TargetOrgs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The provincial-level orgs (each its own tree root), after id {@code after} in id order. */
    public List<TargetOrg> roots(long after, int size) {
        return jdbc.sql("""
                        select id, full_name, type, province_code from org_replica.org
                         where id = tree_root_id and id > ? order by id limit ?""")
                .params(after, size).query((row, n) -> of(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4) == null)).list();
    }

    public List<TargetOrg> children(long parentId, long after, int size) {
        return jdbc.sql("""
                        select id, full_name, type from org_replica.org
                         where parent_id = ? and id > ? order by id limit ?""")
                .params(parentId, after, size)
                .query((row, n) -> of(row.getLong(1), row.getString(2), row.getString(3), false)).list();
    }

    private static TargetOrg of(long id, String name, String type, boolean systemCommittee) {
        boolean receives = "BRANCH".equals(type) || "COMMITTEE".equals(type) || "WORK_COMMITTEE".equals(type)
                || "GENERAL_BRANCH".equals(type);
        return new TargetOrg(id, name, type, systemCommittee, receives);
    }
}
