package cn.league.member.account.orgs;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.ServiceApi;
import cn.league.test.ServiceApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 切换其他组织 (R-ADM-8) in member-service: the orgs a cadre can choose, and the {@code X-League-Org} header
 * checked against their real rights, after which only the chosen org's admin rights count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActiveOrgApiTest {

    static final String HEADER = "X-League-Org";
    static final String PROVINCE_ADMIN = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
    static final String COMMITTEE_ADMIN = TestPeople.idNumber(LocalDate.of(1990, 2, 2));
    static final String BRANCH_ADMIN = TestPeople.idNumber(LocalDate.of(1995, 3, 3));
    static final String SIBLING_ADMIN = TestPeople.idNumber(LocalDate.of(1988, 4, 4));

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;
    TreeReplica.Standard tree;
    /** admin of the branch and of the sibling committee, 组织委员 (no admin rights) in the committee */
    String cadre;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        TreeReplica replica = new TreeReplica(jdbc);
        tree = replica.standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN);
        TestPeople people = new TestPeople(jdbc);
        cadre = people.person(LocalDate.of(1992, 5, 5), "共青团员");
        people.post(cadre, tree.committee(), "组织委员");
        jdbc.sql("insert into org_replica.org_post (org_id, id_number, title) values (?, ?, '组织委员')")
                .params(tree.committee(), cadre).update();
        replica.admin(cadre, tree.branch());
        replica.admin(cadre, tree.siblingCommittee());
    }

    ServiceApi as(long orgId) {
        return api.withHeader(HEADER, Long.toString(orgId));
    }

    String people(long orgId) {
        return "/api/members/orgs/" + orgId + "/people";
    }

    @Test
    @DisplayName("R-ADM-8 the orgs to switch between: where the person holds a post or admin rights, top first")
    void listsTheOrgsToChooseFrom() {
        Response mine = api.get(cadre.toLowerCase(), "/api/accounts/orgs");

        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("fullName"))
                .containsExactlyInAnyOrder("某公司团委", "某公司一支部", "某镇团委");
        for (var org : mine.json()) {
            long id = org.path("orgId").asLong();
            assertThat(org.path("admin").asBoolean()).isEqualTo(id != tree.committee());
            if (id == tree.committee()) {
                assertThat(org.path("posts").get(0).asString()).isEqualTo("组织委员");
            }
        }
        assertThat(api.get(PROVINCE_ADMIN, "/api/accounts/orgs").json().findValuesAsString("fullName"))
                .containsExactly("团测试省委");
    }

    @Test
    @DisplayName("R-ADM-8 R-SCOPE-1 with an org chosen, the person acts with that org's rights only: in its "
            + "subtree yes, in their other org's subtree no; without a choice, with all of them")
    void actsOnlyForTheChosenOrg() {
        assertThat(api.get(cadre, people(tree.branch())).status()).isEqualTo(200);
        assertThat(api.get(cadre, people(tree.siblingBranch())).status()).isEqualTo(200);

        assertThat(as(tree.branch()).get(cadre, people(tree.branch())).status()).isEqualTo(200);
        Response beside = as(tree.branch()).get(cadre, people(tree.siblingBranch()));
        assertThat(beside.status()).isEqualTo(403);
        assertThat(beside.rule()).isEqualTo("R-SCOPE-1");

        assertThat(as(tree.siblingCommittee()).get(cadre, people(tree.siblingBranch())).status()).isEqualTo(200);
        assertThat(as(tree.siblingCommittee()).get(cadre, people(tree.branch())).status()).isEqualTo(403);

        // a post without admin rights: the person may choose the org, but administers nothing there
        assertThat(as(tree.committee()).get(cadre, "/api/accounts/orgs").status()).isEqualTo(200);
        assertThat(as(tree.committee()).get(cadre, people(tree.branch())).status()).isEqualTo(403);
        assertThat(as(tree.committee()).get(cadre, "/api/members/me/profile").status())
                .as("their own profile stays theirs (R-SCOPE-3)").isEqualTo(200);
    }

    @Test
    @DisplayName("R-ADM-8 choosing an org where the person holds neither post nor admin rights is refused")
    void choosingAnotherOrgIsRefused() {
        for (long notTheirs : new long[] {tree.province(), tree.siblingBranch(), 987_654_321L}) {
            Response refused = as(notTheirs).get(cadre, "/api/accounts/orgs");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("ACTIVE_ORG_NOT_YOURS");
            assertThat(refused.rule()).isEqualTo("R-ADM-8");
            assertThat(refused.json().path("detail").asString()).contains("不能切换到该组织");
        }
        assertThat(api.withHeader(HEADER, "abc").get(cadre, "/api/accounts/orgs").code())
                .isEqualTo("ACTIVE_ORG_INVALID");
        assertThat(api.withHeader(HEADER, Long.toString(tree.province())).anonymous("GET", "/api/accounts/orgs", null)
                .status()).isEqualTo(401);
    }
}
