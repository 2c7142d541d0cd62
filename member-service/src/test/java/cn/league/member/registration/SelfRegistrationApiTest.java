package cn.league.member.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationOutcome;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfRegistrationApiTest {

    static final String PROVINCE_ADMIN = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
    static final String COMMITTEE_ADMIN = TestPeople.idNumber(LocalDate.of(1990, 2, 2));
    static final String BRANCH_ADMIN = TestPeople.idNumber(LocalDate.of(1995, 3, 3));
    static final String SIBLING_ADMIN = TestPeople.idNumber(LocalDate.of(1988, 4, 4));

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegistrationExpiry expiry;

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

    static String asMember(long orgId, String name) {
        return """
                {"orgId":%d,"kind":"MEMBER","name":"%s","ethnicity":"汉族","politicalStatus":"共青团员",
                 "education":"本科","joinDate":"2015-05-04","mobile":"13800000000"}""".formatted(orgId, name);
    }

    static String asCadre(long orgId, String name, String post) {
        return """
                {"orgId":%d,"kind":"CADRE","postTitle":"%s","name":"%s","politicalStatus":"中共党员",
                 "mobile":"13900000000"}""".formatted(orgId, post, name);
    }

    static String applicant() {
        return TestPeople.idNumber(LocalDate.of(2001, 5, 6));
    }

    long request(String applicant, String body) {
        var requested = api.post(applicant, "/api/members/registrations", body);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().path("state").asString()).isEqualTo("PENDING");
        return requested.json().path("id").asLong();
    }

    @Test
    @DisplayName("R-AUTH-4 a person asks to join a branch; the committee's admin sees it in the queue and approves; "
            + "the person is then a member exactly as if entered")
    void memberApproved() {
        String applicant = applicant();
        long id = request(applicant, asMember(branch, "注册甲"));

        var queue = api.get(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/registrations").json();
        assertThat(queue.path("items").findValuesAsString("idNumber")).contains(applicant);

        var approved = api.post(COMMITTEE_ADMIN, "/api/members/registrations/" + id + "/approval", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.sql("select branch_id from membership where id_number = ?").param(applicant)
                .query(Long.class).single()).isEqualTo(branch);
        assertThat(jdbc.sql("select political_status from person where id_number = ?").param(applicant)
                .query(String.class).single()).isEqualTo("共青团员");
        assertThat(api.get(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/registrations").json()
                .path("items").findValuesAsString("idNumber")).doesNotContain(applicant);

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            String fragment = "\"registrationId\":" + id + ",\"idNumber\":\"" + applicant + "\",\"orgId\"";
            var closed = reader.readUntilContains(fragment, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.key().equals(applicant) && r.value().contains("RegistrationClosed.v1"))
                    .map(r -> EventJson.dataAs(EventJson.read(r.value()), RegistrationClosed.class))
                    .findFirst().orElseThrow();
            assertThat(closed.outcome()).isEqualTo(RegistrationOutcome.APPROVED);
            assertThat(closed.closedBy()).isEqualTo(COMMITTEE_ADMIN);
        }
    }

    @Test
    @DisplayName("R-AUTH-4 a cadre asks for a post in a committee; on approval they hold it")
    void cadreApproved() {
        String applicant = applicant();
        long id = request(applicant, asCadre(committee, "注册乙", "组织委员"));
        assertThat(api.post(PROVINCE_ADMIN, "/api/members/registrations/" + id + "/approval", null).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select title from post where id_number = ? and org_id = ?").params(applicant, committee)
                .query(String.class).single()).isEqualTo("组织委员");
    }

    @Test
    @DisplayName("R-MEM-1 a self-registration as member names a branch, never a committee; a cadre names a post")
    void memberOnlyIntoABranch() {
        var refused = api.post(applicant(), "/api/members/registrations", asMember(committee, "注册丙"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.rule()).isEqualTo("R-MEM-1");
        var noPost = api.post(applicant(), "/api/members/registrations", asCadre(committee, "注册丙", ""));
        assertThat(noPost.status()).isEqualTo(422);
        assertThat(noPost.code()).isEqualTo("POST_REQUIRED");
    }

    @Test
    @DisplayName("R-AUTH-4 a second open request of the same person is refused; after withdrawing one, a new one is taken")
    void oneOpenRequest() {
        String applicant = applicant();
        long first = request(applicant, asMember(branch, "注册丁"));

        var second = api.post(applicant, "/api/members/registrations", asMember(siblingBranch, "注册丁"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("REGISTRATION_ALREADY_PENDING");
        assertThat(second.rule()).isEqualTo("R-AUTH-4");

        var withdrawn = api.post(applicant, "/api/members/registrations/" + first + "/withdrawal", null);
        assertThat(withdrawn.json().path("state").asString()).isEqualTo("WITHDRAWN");
        request(applicant, asMember(siblingBranch, "注册丁"));
        assertThat(api.get(applicant, "/api/members/registrations/mine").json().path("items")).hasSize(2);
    }

    @Test
    @DisplayName("R-AUTH-5 an ID number already in the system cannot register: 身份证已注册")
    void idAlreadyRegistered() {
        String existing = new TestPeople(jdbc).member(siblingBranch, LocalDate.of(2000, 8, 8), "共青团员");
        var refused = api.post(existing, "/api/members/registrations", asMember(branch, "注册戊"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ID_ALREADY_REGISTERED");
        assertThat(refused.json().path("detail").asString()).isEqualTo("身份证已注册");
    }

    @Test
    @DisplayName("R-AUTH-4 an admin rejects with a reason the applicant reads; without a reason it is refused")
    void rejection() {
        String applicant = applicant();
        long id = request(applicant, asMember(branch, "注册己"));
        var noReason = api.post(BRANCH_ADMIN, "/api/members/registrations/" + id + "/rejection", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.code()).isEqualTo("REJECTION_REASON_REQUIRED");

        assertThat(api.post(BRANCH_ADMIN, "/api/members/registrations/" + id + "/rejection",
                "{\"reason\":\"本支部无此人\"}").status()).isEqualTo(200);
        var seen = api.get(applicant, "/api/members/registrations/" + id).json();
        assertThat(seen.path("state").asString()).isEqualTo("REJECTED");
        assertThat(seen.path("reason").asString()).isEqualTo("本支部无此人");
        assertThat(api.post(BRANCH_ADMIN, "/api/members/registrations/" + id + "/approval", null).code())
                .isEqualTo("REGISTRATION_NOT_PENDING");
        assertThat(jdbc.sql("select count(*) from person where id_number = ?").param(applicant)
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("R-SCOPE-1 a sibling subtree's admin and a child org's admin can neither decide nor list a request")
    void adminScope() {
        long id = request(applicant(), asCadre(committee, "注册庚", "宣传委员"));
        for (String outsider : List.of(SIBLING_ADMIN, BRANCH_ADMIN)) {
            assertThat(api.post(outsider, "/api/members/registrations/" + id + "/approval", null).status())
                    .isEqualTo(404);
            assertThat(api.post(outsider, "/api/members/registrations/" + id + "/rejection", "{\"reason\":\"x\"}")
                    .status()).isEqualTo(404);
            assertThat(api.get(outsider, "/api/members/orgs/" + committee + "/registrations").status())
                    .isEqualTo(403);
            assertThat(api.get(outsider, "/api/members/registrations/" + id).status()).isEqualTo(404);
        }
        assertThat(api.get(SIBLING_ADMIN, "/api/members/orgs/" + siblingBranch + "/registrations").json()
                .path("items").findValuesAsString("orgId")).doesNotContain(String.valueOf(committee));
    }

    @Test
    @DisplayName("R-SCOPE-3 an applicant sees and withdraws only their own requests")
    void applicantScope() {
        String applicant = applicant();
        String other = applicant();
        long id = request(applicant, asMember(branch, "注册辛"));

        assertThat(api.get(other, "/api/members/registrations/" + id).status()).isEqualTo(404);
        var refused = api.post(other, "/api/members/registrations/" + id + "/withdrawal", null);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("REGISTRATION_NOT_FOUND");
        var notApplicant = api.post(COMMITTEE_ADMIN, "/api/members/registrations/" + id + "/withdrawal", null);
        assertThat(notApplicant.status()).as("its admin sees it, but only the applicant withdraws").isEqualTo(403);
        assertThat(notApplicant.rule()).isEqualTo("R-SCOPE-3");
        assertThat(api.get(other, "/api/members/registrations/mine").json().path("items")).isEmpty();
        assertThat(api.get(applicant, "/api/members/registrations/mine").json().path("items")
                .findValuesAsString("idNumber")).containsOnly(applicant);
        assertThat(api.get(applicant, "/api/members/orgs/" + branch + "/registrations").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-AUTH-4 a request undecided for 10 days is terminated by the job (fixed clock); a second run changes nothing")
    void expiresAfterTenDays() {
        String applicant = applicant();
        long id = request(applicant, asMember(branch, "注册壬"));
        Instant requestedAt = jdbc.sql("select requested_at from registration where id = ?").param(id)
                .query(Timestamp.class).single().toInstant();

        Clock nineDaysLater = Clock.fixed(requestedAt.plus(Duration.ofDays(10)).minusSeconds(1), ZoneOffset.UTC);
        expiry.expireAsOf(nineDaysLater.instant());
        assertThat(stateOf(id)).isEqualTo("PENDING");

        Clock tenDaysLater = Clock.fixed(requestedAt.plus(Duration.ofDays(10)), ZoneOffset.UTC);
        assertThat(expiry.expireAsOf(tenDaysLater.instant())).isGreaterThanOrEqualTo(1);
        assertThat(stateOf(id)).isEqualTo("EXPIRED");
        assertThat(expiry.expireAsOf(tenDaysLater.instant())).isZero();
        assertThat(api.post(COMMITTEE_ADMIN, "/api/members/registrations/" + id + "/approval", null).code())
                .isEqualTo("REGISTRATION_NOT_PENDING");
        request(applicant, asMember(branch, "注册壬")); // the person may ask again
    }

    @Test
    @DisplayName("R-AUTH-4 the expiry job run by two replicas at once expires each request exactly once")
    void expiryOnTwoReplicas() throws Exception {
        Instant now = Instant.now().plus(Duration.ofDays(30));
        jdbc.sql("""
                        insert into registration (id_number, org_id, org_path, kind, profile, requested_at)
                        select 'R' || lpad(n::text, 17, '0') || ?, ?, path, 'MEMBER', '{"name":"批量"}', now()
                          from org_replica.org, generate_series(1, 1200) n where id = ?""")
                .params(branch, branch, branch).update();
        int due = jdbc.sql("select count(*) from registration where state = 'PENDING' and requested_at <= ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(10)))).query(Integer.class).single();

        List<Integer> expired = onTwoThreads(() -> expiry.expireAsOf(now));

        assertThat(expired.get(0) + expired.get(1)).isEqualTo(due);
        assertThat(jdbc.sql("select count(*) from registration where org_id = ? and state = 'PENDING'").param(branch)
                .query(Integer.class).single()).isZero();
    }

    private String stateOf(long id) {
        return jdbc.sql("select state from registration where id = ?").param(id).query(String.class).single();
    }

    static <T> List<T> onTwoThreads(Callable<T> job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Callable<T> gated = () -> {
                start.await();
                return job.call();
            };
            Future<T> first = threads.submit(gated);
            Future<T> second = threads.submit(gated);
            start.countDown();
            return List.of(first.get(), second.get());
        }
    }
}
