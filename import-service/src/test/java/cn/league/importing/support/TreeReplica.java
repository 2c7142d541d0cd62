package cn.league.importing.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Orgs and admins put straight into import-service's copy of the org tree, as org-service's events would. */
public final class TreeReplica {

    private static final AtomicLong IDS = new AtomicLong(500_000);

    private final JdbcClient jdbc;

    public TreeReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A province, a company committee with two branches, and a township committee with a branch beside it; admins
     * of the province, the committee and the township committee.
     */
    public Standard standard(String provinceAdmin, String committeeAdmin, String siblingAdmin) {
        long province = org(null, "LEADING_BODY", "团测试省委");
        long committee = org(province, "COMMITTEE", "某公司团委");
        long branch = org(committee, "BRANCH", "某公司一支部");
        long otherBranch = org(committee, "BRANCH", "某公司二支部");
        long sibling = org(province, "COMMITTEE", "某镇团委");
        long siblingBranch = org(sibling, "BRANCH", "某村团支部");
        admin(provinceAdmin, province);
        admin(committeeAdmin, committee);
        admin(siblingAdmin, sibling);
        return new Standard(province, committee, branch, otherBranch, sibling, siblingBranch);
    }

    public record Standard(long province, long committee, long branch, long otherBranch, long sibling,
                           long siblingBranch) {
    }

    public long org(Long parentId, String type, String name) {
        long id = IDS.incrementAndGet();
        String path = parentId == null ? "1." + id
                : jdbc.sql("select path from org_replica.org where id = ?").param(parentId).query(String.class)
                .single() + "." + id;
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, domain, full_name, short_name,
                                                     province_code, tree_root_id)
                        values (?, ?, ?, ?, 'PRIVATE_ENTERPRISE', ?, ?, '11', ?)""")
                .params(id, parentId, path, type, name, name, Long.parseLong(path.split("\\.")[1])).update();
        return id;
    }

    public void admin(String idNumber, long orgId) {
        jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase()).update();
    }
}
