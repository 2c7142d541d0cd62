package cn.league.member.transfercard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract transfer-service's approver view reads (R-TR-13). The expected JSON here is the same document
 * transfer-service's test server answers with ({@code MemberServiceStandIn}); change both or neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransferCardApiTest {

    static final String TRANSFER_SERVICE = "league-transfer-service";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    TestPeople people;
    TreeReplica tree;
    long committee;
    long branch;
    long siblingBranch;

    @BeforeEach
    void tree() {
        people = new TestPeople(jdbc);
        tree = new TreeReplica(jdbc);
        long province = tree.province("团测试省委", "11");
        committee = tree.child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        branch = tree.child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        long siblingCommittee = tree.child(province, "COMMITTEE", "RURAL", "某镇团委");
        siblingBranch = tree.child(siblingCommittee, "BRANCH", "RURAL", "某村团支部");
    }

    @Test
    @DisplayName("R-TR-13 the card: basic info, contact, current org, its admins' contacts, the emergency contact")
    void card() throws Exception {
        String member = people.member(branch, LocalDate.of(2001, 2, 3), "共青团员");
        jdbc.sql("""
                        update person set name = '李四', ethnicity = '汉族', education = '本科', join_date = '2016-05-04',
                               development_number = '201911000001', mobile = '13800000001', email = 'lisi@example.cn',
                               address = '北京市东城区', emergency_contact = '李父', emergency_phone = '13900000009'
                         where id_number = ?""").param(member).update();
        String secretary = people.member(branch, LocalDate.of(1995, 3, 15), "共青团员");
        jdbc.sql("update person set name = '王书记', mobile = '13700000002', email = null where id_number = ?")
                .param(secretary).update();
        people.post(secretary, branch, "书记");
        people.post(secretary, branch, "组织委员");
        tree.admin(secretary, branch);
        tree.admin(people.person(LocalDate.of(1990, 1, 1), "共青团员"), siblingBranch);

        HttpResponse<String> card = get(member, TestTokens.get().serviceAccountToken(TRANSFER_SERVICE));
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        assertThat(card.body()).isEqualTo("""
                {"idNumber":"%s","name":"李四","gender":"MALE","birthDate":"2001-02-03","ethnicity":"汉族",\
                "politicalStatus":"共青团员","education":"本科","joinDate":"2016-05-04",\
                "developmentNumber":"201911000001",\
                "contact":{"mobile":"13800000001","email":"lisi@example.cn","address":"北京市东城区"},\
                "currentOrg":{"id":%d,"fullName":"某公司一支部"},\
                "orgAdmins":[{"name":"王书记","titles":["书记","组织委员"],"mobile":"13700000002","email":null,\
                "org":{"id":%d,"fullName":"某公司一支部"}}],\
                "emergencyContact":{"name":"李父","phone":"13900000009"}}""".formatted(member, branch, branch));
    }

    @Test
    @DisplayName("R-TR-13 a branch without admins: its direct parent's admins, who act for it (FAQ 22)")
    void parentAdmins() throws Exception {
        String member = people.member(siblingBranch, LocalDate.of(2001, 2, 3), "共青团员");
        String committeeAdmin = people.person(LocalDate.of(1988, 8, 8), "中共党员");
        people.post(committeeAdmin, committee, "书记");
        tree.admin(committeeAdmin, committee);
        long siblingCommittee = jdbc.sql("select parent_id from org_replica.org where id = ?").param(siblingBranch)
                .query(Long.class).single();
        String townAdmin = people.person(LocalDate.of(1989, 9, 9), "中共党员");
        tree.admin(townAdmin, siblingCommittee);

        var card = get(member, TestTokens.get().serviceAccountToken(TRANSFER_SERVICE));
        assertThat(card.body()).contains("\"orgAdmins\":[{\"name\":\"测试" + townAdmin.substring(14, 17) + "\"")
                .contains("\"org\":{\"id\":" + siblingCommittee + ",\"fullName\":\"某镇团委\"}")
                .doesNotContain(committeeAdmin.substring(14, 17) + "\"");
    }

    @Test
    @DisplayName("R-TR-13 unknown or deleted people are 404 problem+json; a lower-case x is the same person")
    void notFound() throws Exception {
        String token = TestTokens.get().serviceAccountToken(TRANSFER_SERVICE);
        var unknown = get(TestPeople.idNumber(LocalDate.of(2000, 1, 1)), token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"PERSON_NOT_FOUND\"");
        String member = people.member(branch, LocalDate.of(2002, 2, 2), "共青团员");
        assertThat(get(member.toLowerCase(), token).statusCode()).isEqualTo(200);
        jdbc.sql("update person set deleted_at = now() where id_number = ?").param(member).update();
        assertThat(get(member, token).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-SCOPE-1 issue 16: only transfer-service's account (role league-transfer-cards) reads the card: "
            + "another service's account, and any person's token, even an admin's, is refused")
    void internalOnly() throws Exception {
        String member = people.member(branch, LocalDate.of(2001, 2, 3), "共青团员");
        String admin = people.person(LocalDate.of(1990, 1, 1), "共青团员");
        tree.admin(admin, branch);
        assertThat(get(member, TestTokens.get().serviceAccountToken("league-import-service")).statusCode())
                .isEqualTo(403);
        assertThat(get(member, TestTokens.get().serviceAccountToken("league-account-lookup")).statusCode())
                .isEqualTo(403);
        assertThat(get(member, TestTokens.get().accessToken(admin, "league-user")).statusCode()).isEqualTo(403);
        assertThat(get(member, TestTokens.get().accessToken(member)).statusCode()).isEqualTo(403);
        assertThat(get(member, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String idNumber, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/internal/members/" + idNumber + "/transfer-card"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
