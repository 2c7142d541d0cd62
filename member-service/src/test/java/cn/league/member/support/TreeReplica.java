package cn.league.member.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts orgs and admins straight into member-service's copy of the org tree (schema org_replica), as
 * org-service's events would, so each test starts from the tree it needs.
 */
public final class TreeReplica {

    private static final AtomicLong IDS = new AtomicLong(100_000);

    private final JdbcClient jdbc;

    public TreeReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A provincial-level org right under 团中央 (id 1). */
    public long province(String name, String provinceCode) {
        long id = IDS.incrementAndGet();
        insert(id, null, "1." + id, "LEADING_BODY", "PARTY_AND_GOVERNMENT", name, provinceCode, id);
        return id;
    }

    public long child(long parentId, String type, String domain, String name) {
        long id = IDS.incrementAndGet();
        var parent = jdbc.sql("select path, province_code, tree_root_id from org_replica.org where id = ?")
                .param(parentId)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)}).single();
        insert(id, parentId, parent[0] + "." + id, type, domain, name, parent[1], Long.parseLong(parent[2]));
        return id;
    }

    public void admin(String idNumber, long orgId) {
        jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase()).update();
    }

    private void insert(long id, Long parentId, String path, String type, String domain, String name,
                        String provinceCode, long treeRootId) {
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, domain, full_name, short_name,
                                                     province_code, tree_root_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, parentId, path, type, domain, name, name, provinceCode, treeRootId).update();
    }
}
