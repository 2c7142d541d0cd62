package cn.league.org.admin;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.support.OrgApi;

import static cn.league.org.support.People.BEIJING;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;

/**
 * A fresh tree per test: 团北京市委 (BEIJING_ADMIN) → district (DISTRICT_ADMIN) and sibling district
 * (SIBLING_DISTRICT_ADMIN); district → committee (committeeAdmin) → branch (branchAdmin).
 */
final class AdminTree {

    final OrgApi api;
    final JdbcClient jdbc;
    final long district;
    final long siblingDistrict;
    final long committee;
    final long branch;
    final String committeeAdmin = freshPerson();
    final String branchAdmin = freshPerson();

    AdminTree(OrgApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        api.makeAdmin(BEIJING_ADMIN, BEIJING);
        district = api.createChild(BEIJING_ADMIN, BEIJING, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团东城区委");
        siblingDistrict = api.createChild(BEIJING_ADMIN, BEIJING, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团西城区委");
        api.makeAdmin(DISTRICT_ADMIN, district);
        api.makeAdmin(SIBLING_DISTRICT_ADMIN, siblingDistrict);
        committee = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "STATE_ENTERPRISE", "某国企团委");
        branch = api.createChild(DISTRICT_ADMIN, committee, "BRANCH", "STATE_ENTERPRISE", "某国企第一团支部");
        api.makeAdmin(committeeAdmin, committee);
        api.makeAdmin(branchAdmin, branch);
    }

    /** An ID number no other test uses; some end in X, which tokens carry lower-case. */
    static String freshPerson() {
        var random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("1101");
        for (int i = 0; i < 13; i++) {
            id.append(random.nextInt(10));
        }
        return id.append(random.nextBoolean() ? "X" : String.valueOf(random.nextInt(10))).toString();
    }

    /** A cadre post, as member-service's PostsChanged would leave it, and the person's name. */
    void makeCadre(String idNumber, long orgId, String title, String name) {
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase(), title).update();
        jdbc.sql("""
                        insert into person_profile (id_number, name, has_mobile) values (?, ?, true)
                        on conflict (id_number) do update set name = excluded.name""")
                .params(idNumber.toUpperCase(), name).update();
    }

    boolean isAdmin(String idNumber, long orgId) {
        return jdbc.sql("select exists (select 1 from org_admin where org_id = ? and id_number = ?)")
                .params(orgId, idNumber.toUpperCase()).query(Boolean.class).single();
    }

    /** Issues a code for a direct child as its parent's admin; fails the test when refused. */
    String codeFor(String parentAdmin, long orgId) {
        OrgApi.Response issued = api.post(parentAdmin, "/api/orgs/" + orgId + "/admin-codes", null);
        if (issued.status() != 201) {
            throw new AssertionError("issuing a code failed: " + issued.status() + " " + issued.body());
        }
        return issued.json().path("code").asString();
    }

    OrgApi.Response register(String as, String code, String name, String postTitle) {
        return api.post(as, "/api/orgs/admin-registrations", """
                {"code":"%s","name":"%s","postTitle":"%s"}""".formatted(code, name, postTitle));
    }
}
