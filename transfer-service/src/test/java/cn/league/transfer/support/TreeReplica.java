package cn.league.transfer.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts orgs, admins and members straight into transfer-service's replica tables and member copy. */
public final class TreeReplica {

    private static final AtomicLong IDS = new AtomicLong(200_000 + (System.nanoTime() % 1_000) * 1_000);

    private final JdbcClient jdbc;

    public TreeReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A provincial-level org; {@code provinceCode} null makes it a national system committee (R-TR-10). */
    public long province(String name, String provinceCode) {
        long id = IDS.incrementAndGet();
        insert(id, null, "1." + id, "LEADING_BODY", name, provinceCode, id);
        return id;
    }

    public long child(long parentId, String type, String name) {
        long id = IDS.incrementAndGet();
        var parent = jdbc.sql("select path, province_code, tree_root_id from org_replica.org where id = ?")
                .param(parentId)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)}).single();
        insert(id, parentId, parent[0] + "." + id, type, name, parent[1], Long.parseLong(parent[2]));
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

    /** The graduate flags member-service's events leave in the member copy (R-MEM-10). */
    public void graduationFlags(String idNumber, boolean graduate, boolean delayedGraduate, boolean teacher) {
        jdbc.sql("update member_copy set graduate = ?, delayed_graduate = ?, teacher = ? where id_number = ?")
                .params(graduate, delayedGraduate, teacher, idNumber).update();
    }

    public void admin(String idNumber, long orgId) {
        jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase()).update();
    }

    /** A person with a membership in {@code branchId}, as member-service's events would leave them. */
    public void member(String idNumber, String name, long branchId) {
        jdbc.sql("""
                        insert into member_copy (id_number, name, branch_id) values (?, ?, ?)
                        on conflict (id_number) do update set name = excluded.name, branch_id = excluded.branch_id""")
                .params(idNumber, name, branchId).update();
    }

    private void insert(long id, Long parentId, String path, String type, String name, String provinceCode,
                        long treeRootId) {
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, domain, full_name, short_name,
                                                     province_code, tree_root_id)
                        values (?, ?, ?, ?, 'OTHER', ?, ?, ?, ?)""")
                .params(id, parentId, path, type, name, name, provinceCode, treeRootId).update();
    }
}
