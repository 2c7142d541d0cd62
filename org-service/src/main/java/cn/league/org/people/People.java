package cn.league.org.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.league.org.scope.Scope;

/** What org-service knows of the people in its orgs (kept from member-service's events). */
@Component
public class People {

    private final JdbcClient jdbc;

    public People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int countMembers(long branchId) {
        return jdbc.sql("select count(*) from org_member where branch_id = ?").param(branchId)
                .query(Integer.class).single();
    }

    /** Members and cadres with a post in the org. */
    public int countPeople(long orgId) {
        return jdbc.sql("""
                        select count(*) from (
                            select id_number from org_member where branch_id = ?
                            union
                            select id_number from org_post where org_id = ?) people""")
                .params(orgId, orgId)
                .query(Integer.class).single();
    }

    /** R-ADM-2: a cadre of the org is someone holding a post in it. */
    public boolean isCadre(String idNumber, long orgId) {
        return jdbc.sql("select exists (select 1 from org_post where org_id = ? and id_number = ?)")
                .params(orgId, Scope.normalised(idNumber))
                .query(Boolean.class).single();
    }

    public boolean hasMobile(String idNumber) {
        return jdbc.sql("select coalesce((select has_mobile from person_profile where id_number = ?), false)")
                .param(Scope.normalised(idNumber))
                .query(Boolean.class).single();
    }

    public boolean isKnown(String idNumber) {
        return jdbc.sql("select exists (select 1 from person_profile where id_number = ?)")
                .param(Scope.normalised(idNumber))
                .query(Boolean.class).single();
    }

    /** The branch's members now belong to another branch (R-ORG-2); member-service moves them too. */
    public void moveMembers(long fromBranchId, long toBranchId) {
        jdbc.sql("update org_member set branch_id = ? where branch_id = ?").params(toBranchId, fromBranchId).update();
    }
}
