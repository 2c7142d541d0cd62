package cn.league.org.admin;

import cn.league.org.support.OrgApi;

import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.freshPerson;

/**
 * A fresh tree per test: 团北京市委 (BEIJING_ADMIN) → district (DISTRICT_ADMIN) and sibling district
 * (SIBLING_DISTRICT_ADMIN); district → committee (committeeAdmin) → branch (branchAdmin).
 */
final class AdminTree {

    final OrgApi api;
    final long district;
    final long siblingDistrict;
    final long committee;
    final long branch;
    final String committeeAdmin = freshPerson();
    final String branchAdmin = freshPerson();

    AdminTree(OrgApi api) {
        this.api = api;
        district = api.createDistrict("团东城区委", DISTRICT_ADMIN);
        siblingDistrict = api.createDistrict("团西城区委", SIBLING_DISTRICT_ADMIN);
        committee = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "STATE_ENTERPRISE", "某国企团委");
        branch = api.createChild(DISTRICT_ADMIN, committee, "BRANCH", "STATE_ENTERPRISE", "某国企第一团支部");
        api.makeAdmin(committeeAdmin, committee);
        api.makeAdmin(branchAdmin, branch);
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
