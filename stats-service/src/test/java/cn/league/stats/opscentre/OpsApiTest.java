package cn.league.stats.opscentre;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.member.MemberEvents.RegistrationOutcome;
import cn.league.contracts.member.MemberEvents.RegistrationRequested;
import cn.league.contracts.org.OrgEvents.MigrationRequested;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;
import cn.league.stats.support.SentEvents;
import cn.league.stats.support.StatsTree;
import cn.league.test.ServiceApi;
import cn.league.test.ServiceApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsApiTest {

    static final AtomicLong REFS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    ServiceApi api;
    long schoolCommittee;
    long companyCommittee;
    long classBranch;
    long otherClass;
    long companyBranch;
    long transferToCompany;
    long overdueTransfer;
    final String schoolAdmin = SentEvents.idNumber();
    final String classAdmin = SentEvents.idNumber();
    final String companyAdmin = SentEvents.idNumber();
    final String companyBranchAdmin = SentEvents.idNumber();
    final String otherAdmin = SentEvents.idNumber();
    final Instant now = Instant.now();

    @BeforeEach
    void waiting() {
        api = new ServiceApi(port);
        StatsTree tree = new StatsTree(jdbc);
        long national = tree.root("团中央");
        long province = tree.child(national, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团某省委");
        long otherProvince = tree.child(national, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团另一省委");
        schoolCommittee = tree.child(province, "COMMITTEE", "SCHOOL", "某大学团委");
        classBranch = tree.child(schoolCommittee, "BRANCH", "SCHOOL", "某大学1班团支部");
        otherClass = tree.child(schoolCommittee, "BRANCH", "SCHOOL", "某大学2班团支部");
        companyCommittee = tree.child(province, "COMMITTEE", "STATE_ENTERPRISE", "某公司团委");
        companyBranch = tree.child(companyCommittee, "BRANCH", "STATE_ENTERPRISE", "某公司一支部");
        tree.admin(schoolAdmin, schoolCommittee);
        tree.admin(classAdmin, classBranch);
        tree.admin(companyAdmin, companyCommittee);
        tree.admin(companyBranchAdmin, companyBranch);
        tree.admin(otherAdmin, otherProvince);

        SentEvents events = new SentEvents(kafka, jdbc, OpsEventsListener.CONSUMER);
        String applicant = SentEvents.idNumber();
        events.publish(Topics.MEMBER_EVENTS, new RegistrationRequested(REFS.incrementAndGet(), applicant, "张三",
                classBranch, RegistrationKind.MEMBER, null), applicant, now);
        long approvedRegistration = REFS.incrementAndGet();
        events.publish(Topics.MEMBER_EVENTS, new RegistrationRequested(approvedRegistration, applicant, "张三",
                classBranch, RegistrationKind.MEMBER, null), applicant, now);
        events.publish(Topics.MEMBER_EVENTS, new RegistrationClosed(approvedRegistration, applicant, classBranch,
                RegistrationOutcome.APPROVED, classAdmin, null), applicant, now);

        transferToCompany = transfer(events, classBranch, TransferStep.IN_SIDE_APPROVAL, now);
        overdueTransfer = transfer(events, otherClass, TransferStep.OUT_SIDE_APPROVAL, now.minus(Duration.ofDays(11)));
        long approvedOutSide = transfer(events, classBranch, TransferStep.OUT_SIDE_APPROVAL, now);
        events.publish(Topics.TRANSFER_EVENTS, new TransferStepDone(approvedOutSide, "X", TransferStep.OUT_SIDE_APPROVAL,
                classAdmin, TransferStep.IN_SIDE_APPROVAL, null), "X", now);
        long rejected = transfer(events, classBranch, TransferStep.OUT_SIDE_APPROVAL, now);
        events.publish(Topics.TRANSFER_EVENTS, new TransferRejected(rejected, "X", TransferStep.OUT_SIDE_APPROVAL,
                classAdmin, "材料不全"), "X", now);
        events.publish(Topics.ORG_EVENTS, new MigrationRequested(REFS.incrementAndGet(), otherClass, schoolCommittee,
                companyCommittee, classAdmin, "学院调整"), String.valueOf(province), now);
        events.awaitApplied();
    }

    private long transfer(SentEvents events, long fromBranch, TransferStep firstStep, Instant at) {
        long id = REFS.incrementAndGet();
        String member = SentEvents.idNumber();
        events.publish(Topics.TRANSFER_EVENTS, new TransferRequested(id, member, fromBranch, companyBranch,
                TransferKind.ORDINARY, null, firstStep), member, at);
        return id;
    }

    private JsonNode counts(String as, long orgId) {
        Response response = api.get(as, "/api/stats/ops/counts?orgId=" + orgId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    @DisplayName("R-OPS-1 counts of what waits for an org's admins: registrations, transfer steps (also for the branch's parent, FAQ 22), migrations; messages")
    void counts() {
        JsonNode branch = counts(classAdmin, classBranch);
        assertThat(branch.path("waiting").path("REGISTRATION").asLong()).as("one approved, one waiting").isEqualTo(1);
        assertThat(branch.path("waiting").path("TRANSFER").asLong()).as("its out-side step passed").isZero();
        assertThat(branch.path("recentMessages").asLong()).as("the rejection").isEqualTo(1);
        assertThat(counts(companyBranchAdmin, companyBranch).path("waiting").path("TRANSFER").asLong()).isEqualTo(2);
        assertThat(counts(companyAdmin, companyCommittee).path("waiting").path("TRANSFER").asLong())
                .as("the direct parent acts for its branch").isEqualTo(2);
        JsonNode school = counts(schoolAdmin, schoolCommittee);
        assertThat(school.path("waiting").path("TRANSFER").asLong()).isEqualTo(1);
        assertThat(school.path("overdue").path("TRANSFER").asLong()).isEqualTo(1);
        assertThat(school.path("waiting").path("MIGRATION").asLong()).isEqualTo(1);
        assertThat(api.get(classAdmin, "/api/stats/ops/counts").json().path("orgId").asLong())
                .as("the caller's one org by default").isEqualTo(classBranch);
    }

    @Test
    @DisplayName("R-OPS-1 R-TR-5 the list: overdue first, days left, searchable by type and by time")
    void items() {
        JsonNode school = api.get(schoolAdmin, "/api/stats/ops/items?orgId=" + schoolCommittee).json();
        assertThat(school.path("items")).hasSize(2);
        JsonNode first = school.path("items").get(0);
        assertThat(first.path("refId").asLong()).isEqualTo(overdueTransfer);
        assertThat(first.path("overdue").asBoolean()).isTrue();
        assertThat(first.path("daysLeft").asLong()).isZero();
        assertThat(api.get(schoolAdmin, "/api/stats/ops/items?orgId=" + schoolCommittee + "&kind=MIGRATION").json()
                .path("items").get(0).path("subject").asString()).isEqualTo("某大学2班团支部");
        JsonNode company = api.get(companyBranchAdmin, "/api/stats/ops/items?kind=TRANSFER").json();
        assertThat(company.path("items")).hasSize(2);
        assertThat(company.path("items").get(0).path("daysLeft").asLong()).isEqualTo(10);
        String lastWeek = "&to=" + now.minus(Duration.ofDays(5));
        assertThat(api.get(schoolAdmin, "/api/stats/ops/items?orgId=" + schoolCommittee + lastWeek).json()
                .path("items")).hasSize(1);
    }

    @Test
    @DisplayName("R-OPS-1 R-TR-7 messages: a rejected transfer is told to both sides with its reason, searchable by type")
    void messages() {
        JsonNode branch = api.get(classAdmin, "/api/stats/ops/messages").json();
        assertThat(branch.path("items")).hasSize(1);
        assertThat(branch.path("items").get(0).path("kind").asString()).isEqualTo("TRANSFER_REJECTED");
        assertThat(branch.path("items").get(0).path("text").asString()).contains("材料不全");
        assertThat(api.get(companyBranchAdmin, "/api/stats/ops/messages").json().path("items")).hasSize(1);
        assertThat(api.get(classAdmin, "/api/stats/ops/messages?kind=TRANSFER_EXPIRED").json().path("items"))
                .isEmpty();
    }

    @Test
    @DisplayName("R-SCOPE-1 another province's admin is refused the counts, the list and the messages")
    void scope() {
        for (String path : new String[] {"counts", "items", "messages"}) {
            Response refused = api.get(otherAdmin, "/api/stats/ops/" + path + "?orgId=" + schoolCommittee);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
        }
        assertThat(api.get(classAdmin, "/api/stats/ops/counts?orgId=" + schoolCommittee).status())
                .as("a branch's admin above it").isEqualTo(403);
    }
}
