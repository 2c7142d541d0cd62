package cn.league.transfer.approverview;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import cn.league.test.ServiceApi.Response;
import cn.league.test.TcpGate;
import cn.league.test.TestIdNumbers;
import cn.league.transfer.support.TransferApi;
import cn.league.transfer.support.TreeReplica;

import static org.assertj.core.api.Assertions.assertThat;

/** R-TR-13 over the wire: member-service is a real HTTP server behind a gate that can be closed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApproverViewApiTest {

    static final MemberServiceStandIn MEMBER_SERVICE = new MemberServiceStandIn();
    static final TcpGate GATE = new TcpGate("127.0.0.1", MEMBER_SERVICE.port());

    @DynamicPropertySource
    static void memberService(DynamicPropertyRegistry properties) {
        properties.add("league.member-service.url", () -> "http://" + GATE.address());
    }

    @AfterAll
    static void stop() {
        GATE.close();
        MEMBER_SERVICE.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CircuitBreakerRegistry breakers;

    TransferApi api;
    long province;
    long schoolCommittee;
    long oldBranch;
    long companyCommittee;
    long newBranch;
    final String provinceAdmin = TestIdNumbers.fresh();
    final String schoolAdmin = TestIdNumbers.fresh();
    final String oldBranchAdmin = TestIdNumbers.fresh();
    final String companyAdmin = TestIdNumbers.fresh();
    final String newBranchAdmin = TestIdNumbers.fresh();
    final String siblingAdmin = TestIdNumbers.fresh();
    final String member = TestIdNumbers.fresh();

    @BeforeEach
    void tree() {
        api = new TransferApi(port);
        TreeReplica tree = new TreeReplica(jdbc);
        province = tree.province("团测试省委", "11");
        schoolCommittee = tree.child(province, "COMMITTEE", "某大学团委");
        oldBranch = tree.child(schoolCommittee, "BRANCH", "某大学2023级1班团支部");
        companyCommittee = tree.child(province, "COMMITTEE", "某公司团委");
        newBranch = tree.child(companyCommittee, "BRANCH", "某公司一支部");
        long siblingCommittee = tree.child(province, "COMMITTEE", "某镇团委");
        tree.admin(provinceAdmin, province);
        tree.admin(schoolAdmin, schoolCommittee);
        tree.admin(oldBranchAdmin, oldBranch);
        tree.admin(companyAdmin, companyCommittee);
        tree.admin(newBranchAdmin, newBranch);
        tree.admin(siblingAdmin, siblingCommittee);
        tree.member(member, "李四", oldBranch);
        MEMBER_SERVICE.holds(member, "李四", oldBranch, "某大学2023级1班团支部");
        MEMBER_SERVICE.answerAfter(Duration.ZERO);
        GATE.open();
        breakers.circuitBreaker(MemberCards.BREAKER).reset();
    }

    /** 办理转入 by the new branch's admin: waits for the old branch (or its parent, the school committee). */
    long transferIn() {
        Response started = api.post(newBranchAdmin, "/api/transfers/in", """
                {"name":"李四","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(member, newBranch));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.id();
    }

    Response view(String as, long id) {
        return api.get(as, "/api/transfers/" + id + "/approver-view");
    }

    @Test
    @DisplayName("R-TR-13 the approver sees basic info, contact, current org, its admins' contacts and the emergency contact")
    void approverSeesTheCard() {
        long id = transferIn();
        Response view = view(oldBranchAdmin, id);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        JsonNode json = view.json();
        assertThat(json.path("complete").asBoolean()).isTrue();
        assertThat(json.path("note").isNull()).isTrue();
        assertThat(json.path("currentStep").asString()).isEqualTo("OUT_SIDE_APPROVAL");
        assertThat(json.path("daysLeft").asLong()).isEqualTo(10);
        assertThat(json.path("fromOrg").path("fullName").asString()).isEqualTo("某大学2023级1班团支部");
        assertThat(json.path("targetOrg").path("fullName").asString()).isEqualTo("某公司一支部");
        JsonNode card = json.path("member");
        assertThat(card.path("name").asString()).isEqualTo("李四");
        assertThat(card.path("birthDate").asString()).isEqualTo("2001-02-03");
        assertThat(card.path("contact").path("mobile").asString()).isEqualTo("13800000001");
        assertThat(card.path("currentOrg").path("id").asLong()).isEqualTo(oldBranch);
        assertThat(card.path("orgAdmins").get(0).path("mobile").asString()).isEqualTo("13700000002");
        assertThat(card.path("orgAdmins").get(0).path("titles").get(0).asString()).isEqualTo("书记");
        assertThat(card.path("emergencyContact").path("phone").asString()).isEqualTo("13900000009");
        assertThat(MEMBER_SERVICE.lastCaller()).as("asked as transfer-service's service account")
                .isEqualTo("service-account-league-transfer-service");
        assertThat(view(schoolAdmin, id).status()).as("the old branch's direct parent may approve too")
                .isEqualTo(200);
    }

    @Test
    @DisplayName("R-TR-13 who decided a step keeps the view; the member, the initiator and admins above are refused")
    void onlyApprovers() {
        long id = transferIn();
        assertThat(view(member, id).code()).as("the member reads their transfer, not the approvers' page")
                .isEqualTo("NOT_APPROVER");
        assertThat(view(member, id).status()).isEqualTo(403);
        assertThat(api.get(member, "/api/transfers/" + id).status()).isEqualTo(200);
        assertThat(view(newBranchAdmin, id).rule()).as("the in-side started it; the out-side approves")
                .isEqualTo("R-TR-13");
        assertThat(view(provinceAdmin, id).status()).as("above both sides, not an approver").isEqualTo(403);
        assertThat(api.post(oldBranchAdmin, "/api/transfers/" + id + "/approval", null).status()).isEqualTo(200);
        assertThat(view(oldBranchAdmin, id).status()).as("approved it").isEqualTo(200);
        assertThat(view(schoolAdmin, id).status()).as("could have, did not").isEqualTo(403);
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin outside both sides gets nothing: the transfer is not there for them")
    void outsideBothSides() {
        long id = transferIn();
        Response sibling = view(siblingAdmin, id);
        assertThat(sibling.status()).isEqualTo(404);
        assertThat(sibling.code()).isEqualTo("TRANSFER_NOT_FOUND");
        assertThat(sibling.body()).doesNotContain("13800000001");
        assertThat(view(TestIdNumbers.fresh(), id).status()).isEqualTo(404);
        int calls = MEMBER_SERVICE.calls();
        view(siblingAdmin, id);
        assertThat(MEMBER_SERVICE.calls()).as("refused before asking member-service").isEqualTo(calls);
    }

    @Test
    @DisplayName("R-TR-13 member-service down: 200 with what transfer-service knows, complete=false and a note")
    void memberServiceDown() {
        long id = transferIn();
        GATE.close();
        long started = System.nanoTime();
        Response view = view(oldBranchAdmin, id);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        JsonNode json = view.json();
        assertThat(json.path("complete").asBoolean()).isFalse();
        assertThat(json.path("note").asString()).startsWith("团员信息服务暂时无法访问");
        assertThat(json.path("member").isNull()).isTrue();
        assertThat(json.path("name").asString()).isEqualTo("李四");
        assertThat(json.path("idNumber").asString()).isEqualTo(member);
        assertThat(json.path("fromOrg").path("fullName").asString()).isEqualTo("某大学2023级1班团支部");
        assertThat(json.path("targetOrg").path("id").asLong()).isEqualTo(newBranch);
        assertThat(json.path("steps").get(0).asString()).isEqualTo("OUT_SIDE_APPROVAL");
        GATE.open();
        assertThat(view(oldBranchAdmin, id).json().path("complete").asBoolean()).as("back when it is").isTrue();
    }

    @Test
    @DisplayName("R-TR-13 member-service too slow: the read timeout (2 s, inside the 3 s time limit) answers incomplete")
    void memberServiceSlow() {
        long id = transferIn();
        MEMBER_SERVICE.answerAfter(Duration.ofSeconds(8));
        long started = System.nanoTime();
        Response view = view(oldBranchAdmin, id);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().path("complete").asBoolean()).isFalse();
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    @DisplayName("R-TR-13 repeated failures open the circuit: later views answer at once without calling member-service")
    void circuitOpens() {
        long id = transferIn();
        GATE.close();
        for (int i = 0; i < 5; i++) {
            assertThat(view(oldBranchAdmin, id).json().path("complete").asBoolean()).isFalse();
        }
        assertThat(breakers.circuitBreaker(MemberCards.BREAKER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        GATE.open();
        int calls = MEMBER_SERVICE.calls();
        Response view = view(oldBranchAdmin, id);
        assertThat(view.json().path("complete").asBoolean()).isFalse();
        assertThat(MEMBER_SERVICE.calls()).isEqualTo(calls);
    }

    @Test
    @DisplayName("R-TR-13 a person member-service does not hold: incomplete with its own note, the circuit stays closed")
    void notHeld() {
        String stranger = TestIdNumbers.fresh();
        new TreeReplica(jdbc).member(stranger, "王五", oldBranch);
        Response started = api.post(oldBranchAdmin, "/api/transfers/out", """
                {"idNumber":"%s","toOrgId":%d,"reason":"毕业就业"}""".formatted(stranger, newBranch));
        Response view = view(newBranchAdmin, started.id());
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().path("complete").asBoolean()).isFalse();
        assertThat(view.json().path("note").asString()).startsWith("团员信息库中未查到");
        assertThat(breakers.circuitBreaker(MemberCards.BREAKER).getMetrics().getNumberOfFailedCalls()).isZero();
    }
}
