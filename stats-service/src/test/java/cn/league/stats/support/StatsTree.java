package cn.league.stats.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts orgs and admins straight into stats-service's org tree replica, as org-service's events would. */
public final class StatsTree {

    private static final AtomicLong IDS = new AtomicLong(500_000 + (System.nanoTime() % 1_000) * 10_000);

    private final JdbcClient jdbc;

    public StatsTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 团中央-like root: an org without a parent. */
    public long root(String name) {
        long id = IDS.incrementAndGet();
        insert(id, null, String.valueOf(id), "LEADING_BODY", "PARTY_AND_GOVERNMENT", null, name);
        return id;
    }

    public long child(long parentId, String type, String domain, String name) {
        return child(parentId, type, domain, null, name);
    }

    public long child(long parentId, String type, String domain, String schoolLevel, String name) {
        long id = IDS.incrementAndGet();
        String parentPath = jdbc.sql("select path from org_replica.org where id = ?").param(parentId)
                .query(String.class).single();
        insert(id, parentId, parentPath + "." + id, type, domain, schoolLevel, name);
        return id;
    }

    public void admin(String idNumber, long orgId) {
        jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase()).update();
    }

    private void insert(long id, Long parentId, String path, String type, String domain, String schoolLevel,
                        String name) {
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, domain, school_level, full_name,
                                                     short_name, province_code, tree_root_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, '33', null)""")
                .params(id, parentId, path, type, domain, schoolLevel, name, name).update();
    }
}
