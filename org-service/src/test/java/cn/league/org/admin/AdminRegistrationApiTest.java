package cn.league.org.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.people.People;
import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.test.TestTokens;
import cn.league.test.TopicReader;

import static cn.league.org.support.OrgEvents.await;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.freshPerson;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminRegistrationApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    People people;

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
    @DisplayName("R-ADM-3 a logged-in person registers with a code: admin and cadre of the org; AdminRegistered and AdminGranted published")
    void registers() {
        long branch = api.createChild(DISTRICT_ADMIN, tree.committee, "BRANCH", "STATE_ENTERPRISE", "某国企第二团支部");
        String code = tree.codeFor(tree.committeeAdmin, branch);
        String person = freshPerson();

        var registered = tree.register(person.toLowerCase(), code.toLowerCase(), " 王五 ", "书记");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().path("orgId").asLong()).isEqualTo(branch);
        assertThat(registered.json().path("postTitle").asString()).isEqualTo("书记");
        assertThat(api.isAdmin(person, branch)).isTrue();
        assertThat(people.isCadre(person, branch)).as("R-ADM-2 holds: the admin is a cadre of the org").isTrue();
        assertThat(jdbc.sql("select title from org_post where org_id = ? and id_number = ?")
                .params(branch, person).query(String.class).list()).containsExactly("书记");
        assertThat(jdbc.sql("select used_by from admin_code where code_hash = ?").param(AdminCode.hash(code))
                .query(String.class).single()).isEqualTo(person);

        var event = await(topic, "AdminRegistered.v1", data -> data.path("idNumber").asString().equals(person));
        assertThat(event.data().path("orgId").asLong()).isEqualTo(branch);
        assertThat(event.data().path("name").asString()).isEqualTo("王五");
        assertThat(event.data().path("postTitle").asString()).isEqualTo("书记");
        assertThat(event.orgPath()).endsWith("." + tree.committee + "." + branch);
        await(topic, "AdminGranted.v1", data -> data.path("idNumber").asString().equals(person)
                && data.path("orgId").asLong() == branch);
    }

    @Test
    @DisplayName("R-ADM-3 a code registers one admin only; unknown and expired codes are refused, each with its own code")
    void singleUseAndExpiry() {
        String code = tree.codeFor(DISTRICT_ADMIN, tree.committee);
        assertThat(tree.register(freshPerson(), code, "甲", "副书记").status()).isEqualTo(201);

        var again = tree.register(freshPerson(), code, "乙", "组织委员");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("ADMIN_CODE_USED");
        assertThat(again.rule()).isEqualTo("R-ADM-3");
        assertThat(again.json().path("detail").asString()).contains("每个注册码只能注册一个管理员");

        assertThat(tree.register(freshPerson(), "ABCDEFGHJKMN", "乙", "组织委员").code())
                .isEqualTo("ADMIN_CODE_UNKNOWN");

        String late = tree.codeFor(tree.committeeAdmin, tree.branch);
        jdbc.sql("update admin_code set expires_at = now() - interval '1 second' where code_hash = ?")
                .param(AdminCode.hash(late)).update();
        assertThat(tree.register(freshPerson(), late, "丙", "宣传委员").code()).isEqualTo("ADMIN_CODE_EXPIRED");

        String next = tree.codeFor(DISTRICT_ADMIN, tree.committee);
        assertThat(tree.register(freshPerson(), next, "丁", "委员").status())
                .as("FAQ 5: once used, the parent makes a new code for another admin").isEqualTo(201);
    }

    @Test
    @DisplayName("R-ADM-1 a code does not take an org past its limit (leading body 2, others 3); the code stays unused")
    void limit() {
        String branchCode = tree.codeFor(tree.committeeAdmin, tree.branch);
        api.makeAdmin(freshPerson(), tree.branch);
        api.makeAdmin(freshPerson(), tree.branch);

        var full = tree.register(freshPerson(), branchCode, "戊", "委员");
        assertThat(full.status()).isEqualTo(422);
        assertThat(full.code()).isEqualTo("ADMIN_LIMIT_REACHED");
        assertThat(full.rule()).isEqualTo("R-ADM-1");
        assertThat(jdbc.sql("select used_at is null from admin_code where code_hash = ?")
                .param(AdminCode.hash(branchCode)).query(Boolean.class).single()).isTrue();

        String districtCode = tree.codeFor(BEIJING_ADMIN, tree.district);
        assertThat(tree.register(freshPerson(), districtCode, "己", "副书记").status()).isEqualTo(201);
        String secondDistrictCode = tree.codeFor(BEIJING_ADMIN, tree.district);
        var leadingBodyFull = tree.register(freshPerson(), secondDistrictCode, "庚", "副书记");
        assertThat(leadingBodyFull.code()).isEqualTo("ADMIN_LIMIT_REACHED");
        assertThat(leadingBodyFull.json().path("detail").asString()).contains("团的领导机关只允许两位管理员");
    }

    @Test
    @DisplayName("R-ADM-3 an admin of the org cannot use a code for it again; the code stays for someone else")
    void alreadyAdmin() {
        String code = tree.codeFor(tree.committeeAdmin, tree.branch);
        var again = tree.register(tree.branchAdmin, code, "辛", "书记");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_ADMIN");
        assertThat(tree.register(freshPerson(), code, "壬", "副书记").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-ADM-7 after their org is deleted, its former admin registers as admin elsewhere with a new code, same account")
    void formerAdminOfDeletedOrg() {
        long first = api.createChild(DISTRICT_ADMIN, tree.committee, "BRANCH", "STATE_ENTERPRISE", "将撤销的团支部");
        long second = api.createChild(DISTRICT_ADMIN, tree.committee, "BRANCH", "STATE_ENTERPRISE", "新的团支部");
        String person = freshPerson();
        assertThat(tree.register(person, tree.codeFor(tree.committeeAdmin, first), "癸", "书记").status())
                .isEqualTo(201);

        assertThat(api.delete(tree.committeeAdmin, "/api/orgs/" + first).status()).isEqualTo(200);
        assertThat(api.get(person, "/api/orgs/mine").json()).as("the deleted org is gone from their orgs").isEmpty();

        var again = tree.register(person, tree.codeFor(tree.committeeAdmin, second), "癸", "书记");
        assertThat(again.status()).isEqualTo(201);
        assertThat(api.isAdmin(person, second)).isTrue();
        assertThat(api.get(person, "/api/orgs/mine").json().path(0).path("orgId").asLong()).isEqualTo(second);
    }

    @Test
    @DisplayName("R-ADM-3 R-AUTH-4 a person without an account: member-service's public form redeems the code on "
            + "their behalf with its service account (/internal/**); a person's token is refused there")
    void onBehalfOfANewPerson() {
        long branch = api.createChild(DISTRICT_ADMIN, tree.committee, "BRANCH", "STATE_ENTERPRISE", "某国企第三团支部");
        String code = tree.codeFor(tree.committeeAdmin, branch);
        String newcomer = freshPerson();
        String form = """
                {"idNumber":"%s","code":"%s","name":"新人","postTitle":"书记"}""".formatted(newcomer, code);

        var asPerson = api.post(newcomer, "/internal/orgs/admin-registrations", form);
        assertThat(asPerson.status()).isEqualTo(403);
        assertThat(api.isAdmin(newcomer, branch)).isFalse();

        var internal = api.withHeader("Authorization", "Bearer "
                + TestTokens.get().serviceAccountToken("league-accounts"));
        var registered = internal.anonymous("POST", "/internal/orgs/admin-registrations", form);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("orgId").asLong()).isEqualTo(branch);
        assertThat(api.isAdmin(newcomer, branch)).isTrue();
        await(topic, "AdminRegistered.v1", data -> data.path("idNumber").asString().equals(newcomer)
                && data.path("name").asString().equals("新人"));

        var again = internal.anonymous("POST", "/internal/orgs/admin-registrations", form.replace(newcomer,
                freshPerson()));
        assertThat(again.code()).isEqualTo("ADMIN_CODE_USED");
        assertThat(again.rule()).isEqualTo("R-ADM-3");
    }

    @Test
    @DisplayName("R-ADM-3 the form needs a code, a name and a post")
    void formValidation() {
        String code = tree.codeFor(DISTRICT_ADMIN, tree.committee);
        String person = freshPerson();
        var blank = api.post(person, "/api/orgs/admin-registrations", """
                {"code":"%s","name":" ","postTitle":"书记"}""".formatted(code));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(api.isAdmin(person, tree.committee)).isFalse();
    }
}
