package cn.league.org.scope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.OrgScopeContract;

/** org-service's own scope check answers as every replica does (the same contract runs against OrgTree). */
@SpringBootTest
class ScopeContractTest extends OrgScopeContract {

    @Autowired
    Scope scope;
    @Autowired
    JdbcClient jdbc;

    @Override
    protected void org(long id, Long parentId, String path) {
        jdbc.sql("""
                        insert into org (id, parent_id, path, type, domain, full_name, short_name)
                        values (?, ?, cast(? as ltree), 'COMMITTEE', 'OTHER', ?, ?)""")
                .params(id, parentId, path, "团委" + id, "团委" + id).update();
    }

    @Override
    protected void admin(long orgId, String idNumber) {
        jdbc.sql("insert into org_admin (org_id, id_number) values (?, ?)").params(orgId, idNumber).update();
    }

    @Override
    protected void post(long orgId, String idNumber) {
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, '组织委员')").params(orgId, idNumber)
                .update();
    }

    @Override
    protected boolean mayActOn(String idNumber, long orgId) {
        return scope.mayActOn(idNumber, orgId);
    }

    @Override
    protected boolean mayActAsParentOf(String idNumber, long orgId) {
        return scope.mayActAsParentOf(idNumber, orgId);
    }

    @Override
    protected boolean administers(String idNumber, long orgId) {
        return scope.administers(idNumber, orgId);
    }

    @Override
    protected boolean belongsTo(String idNumber, long orgId) {
        return scope.belongsTo(idNumber, orgId);
    }
}
