package cn.league.org.admin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.support.OrgApi;
import cn.league.test.ServiceApi;

import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.freshPerson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 切换其他组织 (R-ADM-8) in org-service, checked against its own admin and post tables: with an org chosen in
 * {@code X-League-Org}, only that org's admin rights count; an org the person does not belong to is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActiveOrgApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    AdminTree tree;
    long siblingCommittee;
    long siblingBranch;
    /** admin of the branch in one district and of a branch in the sibling district; 委员 of the committee */
    String cadre;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        tree = new AdminTree(api);
        siblingCommittee = api.createChild(SIBLING_DISTRICT_ADMIN, tree.siblingDistrict, "COMMITTEE", "RURAL",
                "某镇团委");
        siblingBranch = api.createChild(SIBLING_DISTRICT_ADMIN, siblingCommittee, "BRANCH", "RURAL", "某村团支部");
        cadre = freshPerson();
        api.makeAdmin(cadre, tree.branch);
        api.makeAdmin(cadre, siblingBranch);
        api.makeCadre(cadre, tree.committee, "委员", "干部乙");
    }

    ServiceApi as(long orgId) {
        return api.withHeader("X-League-Org", Long.toString(orgId));
    }

    @Test
    @DisplayName("R-ADM-8 R-SCOPE-1 a token for one org cannot act in another: with the branch chosen, the other "
            + "district's branch is out of reach; with that one chosen, the reverse; without a choice, both")
    void actsOnlyForTheChosenOrg() {
        assertThat(api.get(cadre, "/api/orgs/" + tree.branch + "/admins").status()).isEqualTo(200);
        assertThat(api.get(cadre, "/api/orgs/" + siblingBranch + "/admins").status()).isEqualTo(200);

        assertThat(as(tree.branch).get(cadre, "/api/orgs/" + tree.branch + "/admins").status()).isEqualTo(200);
        var beside = as(tree.branch).get(cadre, "/api/orgs/" + siblingBranch + "/admins");
        assertThat(beside.status()).isEqualTo(403);
        assertThat(beside.rule()).isEqualTo("R-SCOPE-1");

        assertThat(as(siblingBranch).get(cadre, "/api/orgs/" + siblingBranch + "/admins").status()).isEqualTo(200);
        assertThat(as(siblingBranch).get(cadre, "/api/orgs/" + tree.branch + "/admins").status()).isEqualTo(403);

        // a post without admin rights: the org may be chosen, but nothing is administered from it
        assertThat(as(tree.committee).get(cadre, "/api/orgs/mine").status()).isEqualTo(200);
        assertThat(as(tree.committee).get(cadre, "/api/orgs/" + tree.branch + "/admins").status()).isEqualTo(403);
        assertThat(api.get(cadre, "/api/orgs/mine").json().findValuesAsString("orgId")).hasSize(3);
    }

    @Test
    @DisplayName("R-ADM-8 R-SCOPE-2 with an org chosen, parent-only acts count only for that org's children")
    void parentActsFollowTheChoice() {
        String parentOfTwo = freshPerson();
        api.makeAdmin(parentOfTwo, tree.committee);
        api.makeAdmin(parentOfTwo, siblingCommittee);

        assertThat(as(tree.committee).post(parentOfTwo, "/api/orgs/" + tree.branch + "/admin-codes", null).status())
                .isEqualTo(201);
        var otherChild = as(tree.committee).post(parentOfTwo, "/api/orgs/" + siblingBranch + "/admin-codes", null);
        assertThat(otherChild.status()).isEqualTo(403);
        assertThat(as(siblingCommittee).post(parentOfTwo, "/api/orgs/" + siblingBranch + "/admin-codes", null)
                .status()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-ADM-8 choosing an org where the person holds neither post nor admin rights is refused")
    void choosingAnotherOrgIsRefused() {
        var refused = as(tree.district).get(cadre, "/api/orgs/mine");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ACTIVE_ORG_NOT_YOURS");
        assertThat(refused.rule()).isEqualTo("R-ADM-8");
        assertThat(as(tree.siblingDistrict).get(cadre, "/api/orgs/" + siblingBranch + "/admins").status())
                .isEqualTo(403);
    }
}
