package cn.league.test;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts orgs, admins and post holders straight into a service's copy of the org tree (schema {@code org_replica}), as
 * org-service's events would leave them, so each test starts from the tree it needs. A service's tests extend it
 * with what their own tables need.
 */
public class ReplicaTree {

    private static final AtomicLong IDS = new AtomicLong(300_000 + (System.nanoTime() % 1_000) * 1_000);

    protected final JdbcClient jdbc;

    public ReplicaTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A provincial-level org right under 团中央 (id 1); {@code provinceCode} null makes it a national system committee (R-TR-10). */
    public long province(String name, String provinceCode) {
        long id = IDS.incrementAndGet();
        insert(id, null, "1." + id, "LEADING_BODY", "PARTY_AND_GOVERNMENT", name, provinceCode, id);
        return id;
    }

    public long child(long parentId, String type, String name) {
        return child(parentId, type, "OTHER", name);
    }

    public long child(long parentId, String type, String domain, String name) {
        long id = IDS.incrementAndGet();
        var parent = jdbc.sql("select path, province_code, tree_root_id from org_replica.org where id = ?")
                .param(parentId)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)}).single();
        insert(id, parentId, parent[0] + "." + id, type, domain, name, parent[1], Long.parseLong(parent[2]));
        return id;
    }

    /** A branch with a flag: 流动团支部 or 学社衔接临时团支部 (R-TR-11). */
    public long flaggedBranch(long parentId, String name, String branchKind) {
        long id = child(parentId, "BRANCH", name);
        jdbc.sql("update org_replica.org set branch_kind = ? where id = ?").params(branchKind, id).update();
        return id;
    }

    public void domain(long orgId, String domain) {
        jdbc.sql("update org_replica.org set domain = ? where id = ?").params(domain, orgId).update();
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
