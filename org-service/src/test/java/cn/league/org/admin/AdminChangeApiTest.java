package cn.league.org.admin;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.test.TopicReader;
import tools.jackson.databind.JsonNode;

import static cn.league.org.support.OrgEvents.await;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.freshPerson;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminChangeApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    AdminTree tree;
    TopicReader topic;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        tree = new AdminTree(api);
        topic = OrgEvents.reader();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    @DisplayName("R-ADM-4 an admin of the org, or of its direct parent, adds a cadre of the org as admin; AdminGranted published")
    void add() {
        String byOwnAdmin = freshPerson();
        String byParentAdmin = freshPerson();
        api.makeCadre(byOwnAdmin, tree.committee, "副书记", "赵一");
        api.makeCadre(byParentAdmin, tree.committee, "组织委员", "钱二");

        assertThat(grant(tree.committeeAdmin, tree.committee, byOwnAdmin.toLowerCase()).status()).isEqualTo(201);
        assertThat(grant(DISTRICT_ADMIN, tree.committee, byParentAdmin).status()).isEqualTo(201);

        JsonNode admins = api.get(tree.committeeAdmin, "/api/orgs/" + tree.committee + "/admins").json();
        assertThat(ids(admins)).containsExactly(tree.committeeAdmin.toUpperCase(), byOwnAdmin, byParentAdmin);
        assertThat(admins.path(1).path("name").asString()).isEqualTo("赵一");
        assertThat(admins.path(1).path("posts").path(0).asString()).isEqualTo("副书记");

        var event = await(topic, "AdminGranted.v1", data -> data.path("idNumber").asString().equals(byOwnAdmin));
        assertThat(event.data().path("orgId").asLong()).isEqualTo(tree.committee);
        assertThat(event.orgPath()).endsWith("." + tree.committee);

        assertThat(grant(DISTRICT_ADMIN, tree.committee, byOwnAdmin).code()).isEqualTo("ALREADY_ADMIN");
    }

    @Test
    @DisplayName("R-ADM-2 only a cadre of that org can be made its admin: a member, or a cadre of another org, is refused (FAQ 9)")
    void onlyCadresOfTheOrg() {
        String member = freshPerson();
        jdbc.sql("insert into org_member (id_number, branch_id) values (?, ?)").params(member, tree.branch).update();
        String cadreElsewhere = freshPerson();
        api.makeCadre(cadreElsewhere, tree.committee, "书记", "孙三");

        for (String person : List.of(member, cadreElsewhere)) {
            var refused = grant(tree.branchAdmin, tree.branch, person);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("ADMIN_MUST_BE_CADRE");
            assertThat(refused.rule()).isEqualTo("R-ADM-2");
            assertThat(refused.json().path("detail").asString()).startsWith("管理员必须是团干部");
        }
        assertThat(api.isAdmin(member, tree.branch)).isFalse();
    }

    @Test
    @DisplayName("R-ADM-1 admin change keeps a leading body at 2 admins and a committee at 3")
    void limits() {
        String second = freshPerson();
        String third = freshPerson();
        api.makeCadre(second, tree.district, "副书记", "周四");
        api.makeCadre(third, tree.district, "副书记", "吴五");
        assertThat(grant(DISTRICT_ADMIN, tree.district, second).status()).isEqualTo(201);
        var leadingBody = grant(DISTRICT_ADMIN, tree.district, third);
        assertThat(leadingBody.status()).isEqualTo(422);
        assertThat(leadingBody.code()).isEqualTo("ADMIN_LIMIT_REACHED");
        assertThat(leadingBody.rule()).isEqualTo("R-ADM-1");

        List<String> cadres = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String cadre = freshPerson();
            api.makeCadre(cadre, tree.committee, "委员", "委员" + i);
            cadres.add(cadre);
        }
        assertThat(grant(tree.committeeAdmin, tree.committee, cadres.get(0)).status()).isEqualTo(201);
        assertThat(grant(tree.committeeAdmin, tree.committee, cadres.get(1)).status()).isEqualTo(201);
        assertThat(grant(tree.committeeAdmin, tree.committee, cadres.get(2)).code()).isEqualTo("ADMIN_LIMIT_REACHED");
    }

    @Test
    @DisplayName("R-ADM-5 nobody revokes their own admin rights (FAQ 7)")
    void notOneself() {
        var self = api.delete(tree.committeeAdmin, "/api/orgs/" + tree.committee + "/admins/" + tree.committeeAdmin);
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.code()).isEqualTo("SELF_REVOKE_NOT_ALLOWED");
        assertThat(self.rule()).isEqualTo("R-ADM-5");
        assertThat(self.json().path("detail").asString()).isEqualTo("管理员不能撤销自己的权限");
        assertThat(api.isAdmin(tree.committeeAdmin, tree.committee)).isTrue();
    }

    @Test
    @DisplayName("R-ADM-6 a revoked admin keeps account and posts; AdminRevoked published")
    void revokeKeepsPosts() {
        String secretary = freshPerson();
        api.makeCadre(secretary, tree.committee, "书记", "郑六");
        assertThat(grant(tree.committeeAdmin, tree.committee, secretary).status()).isEqualTo(201);

        var revoked = api.delete(DISTRICT_ADMIN, "/api/orgs/" + tree.committee + "/admins/" + secretary.toLowerCase());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.isAdmin(secretary, tree.committee)).isFalse();
        assertThat(jdbc.sql("select title from org_post where org_id = ? and id_number = ?")
                .params(tree.committee, secretary).query(String.class).list()).containsExactly("书记");
        JsonNode mine = api.get(secretary, "/api/orgs/mine").json();
        assertThat(mine.path(0).path("orgId").asLong()).isEqualTo(tree.committee);
        assertThat(mine.path(0).path("admin").asBoolean()).isFalse();
        await(topic, "AdminRevoked.v1", data -> data.path("idNumber").asString().equals(secretary)
                && data.path("orgId").asLong() == tree.committee);

        var notAdmin = api.delete(DISTRICT_ADMIN, "/api/orgs/" + tree.committee + "/admins/" + secretary);
        assertThat(notAdmin.status()).isEqualTo(404);
        assertThat(notAdmin.code()).isEqualTo("ADMIN_NOT_FOUND");
    }

    @Test
    @DisplayName("R-SCOPE-1 R-ADM-4 admins of an org: a sibling's and a child's admin are refused; a grandparent's admin reads but does not change")
    void scope() {
        String cadre = freshPerson();
        api.makeCadre(cadre, tree.committee, "委员", "王七");
        String list = "/api/orgs/" + tree.committee + "/admins";
        String revoke = list + "/" + tree.committeeAdmin;

        for (String outsider : List.of(SIBLING_DISTRICT_ADMIN, tree.branchAdmin)) {
            var read = api.get(outsider, list);
            assertThat(read.status()).as(outsider).isEqualTo(403);
            assertThat(read.rule()).isEqualTo("R-SCOPE-1");
            assertThat(grant(outsider, tree.committee, cadre).status()).isEqualTo(403);
            assertThat(api.delete(outsider, revoke).status()).isEqualTo(403);
        }

        assertThat(api.get(BEIJING_ADMIN, list).status()).isEqualTo(200);
        var grandparent = grant(BEIJING_ADMIN, tree.committee, cadre);
        assertThat(grandparent.status()).isEqualTo(403);
        assertThat(grandparent.code()).isEqualTo("ADMIN_CHANGE_NOT_ALLOWED");
        assertThat(grandparent.rule()).isEqualTo("R-ADM-4");
        assertThat(api.delete(BEIJING_ADMIN, revoke).code()).isEqualTo("ADMIN_CHANGE_NOT_ALLOWED");
        assertThat(api.isAdmin(cadre, tree.committee)).isFalse();
        assertThat(api.isAdmin(tree.committeeAdmin, tree.committee)).isTrue();
    }

    @Test
    @DisplayName("R-ADM-8 my orgs: every org where I am admin or hold a post, with whether I am admin there; nobody else's")
    void myOrgs() {
        String person = freshPerson();
        api.makeCadre(person, tree.committee, "书记", "冯八");
        api.makeCadre(person, tree.committee, "组织委员", "冯八");
        api.makeAdmin(person, tree.committee);
        api.makeCadre(person, tree.siblingDistrict, "委员", "冯八");
        api.makeAdmin(person, tree.branch);

        JsonNode mine = api.get(person.toLowerCase(), "/api/orgs/mine").json();

        List<Long> orgIds = new ArrayList<>();
        mine.forEach(org -> orgIds.add(org.path("orgId").asLong()));
        assertThat(orgIds).containsExactly(tree.committee, tree.branch, tree.siblingDistrict);
        assertThat(mine.path(0).path("admin").asBoolean()).isTrue();
        assertThat(mine.path(0).path("posts").toString()).isEqualTo("[\"书记\",\"组织委员\"]");
        assertThat(mine.path(0).path("fullName").asString()).isEqualTo("某国企团委");
        assertThat(mine.path(1).path("admin").asBoolean()).isTrue();
        assertThat(mine.path(1).path("posts")).isEmpty();
        assertThat(mine.path(2).path("admin").asBoolean()).isFalse();
        assertThat(mine.path(2).path("type").asString()).isEqualTo("LEADING_BODY");

        assertThat(api.get(freshPerson(), "/api/orgs/mine").json()).as("someone with no org").isEmpty();
    }

    private OrgApi.Response grant(String as, long orgId, String idNumber) {
        return api.post(as, "/api/orgs/" + orgId + "/admins", """
                {"idNumber":"%s"}""".formatted(idNumber));
    }

    private static List<String> ids(JsonNode admins) {
        List<String> ids = new ArrayList<>();
        admins.forEach(admin -> ids.add(admin.path("idNumber").asString()));
        return ids;
    }
}
