package cn.league.identity.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts orgs and admins straight into the service's org replica, as org-service's events would. */
public final class Orgs {

    private static final AtomicLong IDS = new AtomicLong(300_000 + (System.nanoTime() % 1_000) * 1_000);

    private final JdbcClient jdbc;

    public Orgs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 团中央 (id 1), made once. */
    public long central() {
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, full_name, short_name)
                        values (1, null, '1', 'LEADING_BODY', '中国共产主义青年团中央委员会', '团中央')
                        on conflict (id) do nothing""").update();
        return 1;
    }

    public long province() {
        return child(central(), "LEADING_BODY");
    }

    public long child(long parentId, String type) {
        long id = IDS.incrementAndGet();
        String parentPath = jdbc.sql("select path from org_replica.org where id = ?").param(parentId)
                .query(String.class).single();
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, full_name, short_name)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, parentId, parentPath + "." + id, type, "组织" + id, "组织" + id).update();
        return id;
    }

    public void admin(String idNumber, long orgId) {
        jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber).update();
    }
}
