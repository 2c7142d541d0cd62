package cn.league.identity.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.ReplicaTree;

/** The service's org replica as org-service's events would leave it, with 团中央 whose admins see the ops views. */
public final class Orgs extends ReplicaTree {

    public Orgs(JdbcClient jdbc) {
        super(jdbc);
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
        central();
        return province("团测试省委", "33");
    }

    public long child(long parentId, String type) {
        return child(parentId, type, "测试组织");
    }
}
