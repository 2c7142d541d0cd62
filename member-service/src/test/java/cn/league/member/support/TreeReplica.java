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

    /**
     * The tree most API tests start from: a province with a company committee and its branch, and a
     * township committee with its branch beside them; an admin for the province, the committee, the
     * branch and the sibling committee.
     */
    public Standard standard(String provinceAdmin, String committeeAdmin, String branchAdmin, String siblingAdmin) {
        long province = province("团测试省委", "11");
        long committee = child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        long branch = child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        long siblingCommittee = child(province, "COMMITTEE", "RURAL", "某镇团委");
        long siblingBranch = child(siblingCommittee, "BRANCH", "RURAL", "某村团支部");
        admin(provinceAdmin, province);
        admin(committeeAdmin, committee);
        admin(branchAdmin, branch);
        admin(siblingAdmin, siblingCommittee);
        return new Standard(province, committee, branch, siblingCommittee, siblingBranch);
    }

    /** The orgs of {@link #standard}. */
    public record Standard(long province, long committee, long branch, long siblingCommittee, long siblingBranch) {
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
