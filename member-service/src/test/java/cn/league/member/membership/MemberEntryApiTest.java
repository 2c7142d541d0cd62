package cn.league.member.membership;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberEntryApiTest {

    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String COMMITTEE_ADMIN = "440306199808085674";
    static final String BRANCH_ADMIN = "11010119950315123X";
    static final String SIBLING_ADMIN = "110101198507070012";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;
    long committee;
    long branch;
    long siblingBranch;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        TreeReplica.Standard tree = new TreeReplica(jdbc)
                .standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN);
        committee = tree.committee();
        branch = tree.branch();
        siblingBranch = tree.siblingBranch();
    }

    static String member(String idNumber, String name) {
        return """
                {"idNumber":"%s","name":"%s","ethnicity":"汉族","politicalStatus":"共青团员","education":"本科",
                 "joinDate":"2015-05-04","mobile":"13800000000"}""".formatted(idNumber, name);
    }

    @Test
    @DisplayName("R-MEM-1 a committee's admin enters a member straight into its child branch")
    void committeeEntersIntoChildBranch() {
        var entered = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/members",
                member("110101200001011232", "张三"));

        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        var people = api.get(BRANCH_ADMIN, "/api/members/orgs/" + branch + "/people").json();
        assertThat(people.path("items")).hasSize(1);
        assertThat(people.path("items").get(0).path("member").asBoolean()).isTrue();
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            var record = reader.readUntilContains("110101200001011232", Duration.ofSeconds(20)).stream()
                    .filter(r -> r.value().contains("PersonEntered.v1") && r.key().equals("110101200001011232"))
                    .findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo("110101200001011232");
            var event = EventJson.dataAs(EventJson.read(record.value()), PersonEntered.class);
            assertThat(event.branchId()).isEqualTo(branch);
            assertThat(event.name()).isEqualTo("张三");
            assertThat(event.post()).isNull();
        }
    }

    @Test
    @DisplayName("R-MEM-1 a membership is never in a committee")
    void notIntoACommittee() {
        var refused = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/members",
                member("11010120000202123X", "李四"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.rule()).isEqualTo("R-MEM-1");
        assertThat(refused.json().path("detail").asString()).isEqualTo("团员的组织关系必须在团支部,不能在团委、团工委、团总支");
    }

    @Test
    @DisplayName("R-AUTH-5 an ID number exists once: entering it again anywhere fails with 身份证已注册 and names no org")
    void idOnce() {
        api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/members", member("110101200003031237", "王五"));

        var again = api.post(SIBLING_ADMIN, "/api/members/orgs/" + siblingBranch + "/members",
                member("110101200003031237", "王五"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ID_ALREADY_REGISTERED");
        assertThat(again.json().path("detail").asString()).isEqualTo("身份证已注册");
        assertThat(again.body()).doesNotContain("某公司").doesNotContain(String.valueOf(branch));
    }

    @Test
    @DisplayName("R-ID-4 an ID number with a wrong check digit is refused before anything is stored")
    void idChecked() {
        var refused = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/members",
                member("110101200001011235", "赵六"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.rule()).isEqualTo("R-ID-4");
        assertThat(jdbc.sql("select count(*) from person where id_number = '110101200001011235'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("R-MEM-2 R-SRCH-1 录入本级团干部: a cadre holds a post in a committee, and is found by name there; the "
            + "post is required")
    void cadre() {
        var entered = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/cadres", """
                {"idNumber":"110101198001011232","name":"孙七","politicalStatus":"中共党员","mobile":"13900000000",
                 "postTitle":"书记"}""");
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        var people = api.get(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/people").json();
        assertThat(people.path("items").get(0).path("titles").asString()).isEqualTo("书记");
        var found = api.get(COMMITTEE_ADMIN, "/api/members/search?name="
                + java.net.URLEncoder.encode("孙七", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.body()).contains("\"idNumber\":\"110101198001011232\"");

        var noPost = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/cadres",
                member("110101198102021237", "周八"));
        assertThat(noPost.status()).isEqualTo(422);
        assertThat(noPost.code()).isEqualTo("POST_REQUIRED");
    }

    @Test
    @DisplayName("R-SCOPE-1 a sibling subtree's admin and a child's admin are refused on entering and listing")
    void scope() {
        assertThat(api.post(SIBLING_ADMIN, "/api/members/orgs/" + branch + "/members",
                member("110101200004041234", "吴九")).status()).isEqualTo(403);
        assertThat(api.get(SIBLING_ADMIN, "/api/members/orgs/" + branch + "/people").status()).isEqualTo(403);
        assertThat(api.post(BRANCH_ADMIN, "/api/members/orgs/" + committee + "/cadres", """
                {"idNumber":"110101198001011232","name":"孙七","politicalStatus":"中共党员","postTitle":"书记"}""")
                .status()).isEqualTo(403);
        assertThat(api.get(BRANCH_ADMIN, "/api/members/orgs/" + committee + "/people").status()).isEqualTo(403);
        assertThat(api.get(PROVINCE_ADMIN, "/api/members/orgs/" + branch + "/people").status()).isEqualTo(200);
    }
}
