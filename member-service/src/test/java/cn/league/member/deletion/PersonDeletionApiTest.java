package cn.league.member.deletion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonDeletionApiTest {

    static final String CITY_ADMIN = TestPeople.idNumber(LocalDate.of(1984, 1, 1));
    static final String SIBLING_CITY_ADMIN = TestPeople.idNumber(LocalDate.of(1983, 2, 2));
    static final String COMMITTEE_ADMIN = TestPeople.idNumber(LocalDate.of(1991, 3, 3));
    static final String BRANCH_ADMIN = TestPeople.idNumber(LocalDate.of(1996, 4, 4));

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    MemberApi api;
    TestPeople people;
    TreeReplica tree;
    long city;
    long committee;
    long branch;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        people = new TestPeople(jdbc);
        tree = new TreeReplica(jdbc);
        long province = tree.province("团测试省委", "11");
        city = tree.child(province, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团某市委");
        committee = tree.child(city, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        branch = tree.child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        long siblingCity = tree.child(province, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团另一市委");
        tree.admin(CITY_ADMIN, city);
        tree.admin(SIBLING_CITY_ADMIN, siblingCity);
        tree.admin(COMMITTEE_ADMIN, committee);
        tree.admin(BRANCH_ADMIN, branch);
    }

    static String reason(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    @Test
    @DisplayName("R-MEM-8 a leading body's admin deletes a member with a reason: the record stays for audit, the "
            + "membership and posts end, with MembershipEnded, PostsChanged and PersonDeleted")
    void deletes() {
        String member = people.member(branch, LocalDate.of(2003, 7, 7), "共青团员");
        people.post(member, branch, "组织委员");

        var deleted = api.post(CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason("重复录入"));

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(jdbc.sql("select deleted_by || ':' || deletion_reason from person where id_number = ?"
                        + " and deleted_at is not null").param(member).query(String.class).single())
                .isEqualTo(CITY_ADMIN + ":重复录入");
        assertThat(people.branchOf(member)).isNull();
        assertThat(jdbc.sql("select count(*) from post where id_number = ?").param(member)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select branch_id from membership_end where id_number = ?").param(member)
                .query(Long.class).single()).isEqualTo(branch);
        assertThat(api.get(BRANCH_ADMIN, "/api/members/orgs/" + branch + "/people").body()).doesNotContain(member);

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            var mine = reader.readUntilContains("\"idNumber\":\"" + member + "\",\"deletedBy\"", Duration.ofSeconds(20))
                    .stream().filter(r -> r.key().equals(member)).map(r -> EventJson.read(r.value()).type()).toList();
            assertThat(mine).containsExactly("MembershipEnded.v1", "PostsChanged.v1", "PersonDeleted.v1");
        }

        var again = api.post(CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason("重复录入"));
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-AUTH-5 a deleted person's ID number stays registered: entering them again fails with 身份证已注册")
    void deletedStaysRegistered() {
        String member = people.member(branch, LocalDate.of(2003, 8, 8), "共青团员");
        assertThat(api.post(CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason("误录")).status())
                .isEqualTo(200);

        var again = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/members", """
                {"idNumber":"%s","name":"再录","politicalStatus":"共青团员","joinDate":"2016-05-04"}""".formatted(member));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).isEqualTo("身份证已注册");
    }

    @Test
    @DisplayName("R-MEM-8 branch and committee admins cannot delete, even over the person")
    void leadingBodiesOnly() {
        String member = people.member(branch, LocalDate.of(2003, 9, 9), "共青团员");
        for (String admin : List.of(COMMITTEE_ADMIN, BRANCH_ADMIN)) {
            var refused = api.post(admin, "/api/members/people/" + member + "/deletion", reason("x"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("LEADING_BODY_ONLY");
            assertThat(refused.rule()).isEqualTo("R-MEM-8");
        }
        assertThat(people.branchOf(member)).isEqualTo(branch);
    }

    @Test
    @DisplayName("R-SCOPE-1 a sibling subtree's leading body and a child org's admin are refused")
    void scope() {
        String member = people.member(branch, LocalDate.of(2003, 10, 10), "共青团员");
        var sibling = api.post(SIBLING_CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason("x"));
        assertThat(sibling.status()).as("outside the subtree: as if not there").isEqualTo(404);
        assertThat(sibling.code()).isEqualTo("PERSON_NOT_FOUND");

        String cityCadre = people.person(LocalDate.of(1990, 10, 10), "中共党员");
        people.post(cityCadre, city, "副书记");
        var child = api.post(COMMITTEE_ADMIN, "/api/members/people/" + cityCadre + "/deletion", reason("x"));
        assertThat(child.status()).isEqualTo(404);
        assertThat(child.code()).isEqualTo("PERSON_NOT_FOUND");
        var member2 = api.post(member, "/api/members/people/" + cityCadre + "/deletion", reason("x"));
        assertThat(member2.status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-MEM-8 a reason is required")
    void reasonRequired() {
        String member = people.member(branch, LocalDate.of(2003, 11, 11), "共青团员");
        var refused = api.post(CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason(" "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("DELETION_REASON_REQUIRED");
    }

    @Test
    @DisplayName("R-MEM-8 an admin of any org is not deleted until their admin rights are revoked")
    void adminsFirstRevoked() {
        String cadre = people.member(branch, LocalDate.of(1999, 12, 12), "共青团员");
        people.post(cadre, branch, "书记");
        long elsewhere = tree.child(tree.province("团另省委", "12"), "COMMITTEE", "RURAL", "别处团委");
        tree.admin(cadre, elsewhere);

        var refused = api.post(CITY_ADMIN, "/api/members/people/" + cadre + "/deletion", reason("x"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PERSON_IS_ADMIN");
        assertThat(refused.json().path("detail").asString()).contains("撤销其管理员身份");

        jdbc.sql("delete from org_replica.org_admin where id_number = ?").param(cadre).update();
        assertThat(api.post(CITY_ADMIN, "/api/members/people/" + cadre + "/deletion", reason("x")).status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("R-MEM-8 someone in a transfer (told by transfer-service's events) is not deleted until it closes")
    void notInTransfer() {
        String member = people.member(branch, LocalDate.of(2004, 1, 13), "共青团员");
        long transferId = System.nanoTime();
        send(new TransferRequested(transferId, member.toLowerCase(), branch, city), member);
        await(() -> jdbc.sql("select count(*) from open_transfer where transfer_id = ?").param(transferId)
                .query(Integer.class).single() == 1);

        var refused = api.post(CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason("x"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PERSON_IN_TRANSFER");

        send(new TransferWithdrawn(transferId, member, member), member);
        await(() -> jdbc.sql("select count(*) from open_transfer where transfer_id = ?").param(transferId)
                .query(Integer.class).single() == 0);
        assertThat(api.post(CITY_ADMIN, "/api/members/people/" + member + "/deletion", reason("x")).status())
                .isEqualTo(200);
    }

    private void send(Object event, String key) {
        kafka.send(Topics.TRANSFER_EVENTS, key, EventJson.write(EventEnvelope.wrap(event, key, null, null,
                Instant.now()))).join();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
