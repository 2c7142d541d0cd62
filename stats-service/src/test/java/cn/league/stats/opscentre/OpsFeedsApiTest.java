package cn.league.stats.opscentre;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.identity.IdentityEvents.IdentityVerified;
import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.ResetCodeIssued;
import cn.league.stats.support.SentEvents;
import cn.league.stats.support.StatsTree;
import cn.league.test.ServiceApi;
import cn.league.test.ServiceApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operation centre's feeds from import-service, identity-verification-service and member-service's reset codes
 * (R-OPS-1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsFeedsApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    ServiceApi api;
    long committee;
    long branch;
    final String committeeAdmin = SentEvents.idNumber();
    final String branchAdmin = SentEvents.idNumber();
    final String otherAdmin = SentEvents.idNumber();
    final Instant now = Instant.now();

    @BeforeEach
    void tree() {
        api = new ServiceApi(port);
        StatsTree tree = new StatsTree(jdbc);
        long national = tree.root("团中央");
        long province = tree.child(national, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团某省委");
        long otherProvince = tree.child(national, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团另一省委");
        committee = tree.child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        branch = tree.child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        tree.admin(committeeAdmin, committee);
        tree.admin(branchAdmin, branch);
        tree.admin(otherAdmin, otherProvince);
    }

    private ImportFinished finished(ImportOutcome outcome, int stored, int failed, String problem) {
        return new ImportFinished(UUID.randomUUID(), committee, committeeAdmin, "subordinate-members", "名单.xlsx",
                outcome, stored, failed, problem == null ? null : "NO_ROWS", problem, now);
    }

    private JsonNode ok(String as, String path) {
        Response response = api.get(as, path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    @DisplayName("R-OPS-1 R-IMP-2 an ended import is told to the uploading org with the result sentence or the refusal; failed rows or a refused file wait in its list for 30 days")
    void importResults() {
        SentEvents events = new SentEvents(kafka, jdbc, OpsEventsListener.CONSUMER);
        ImportFinished someFailed = finished(ImportOutcome.DONE, 2, 5, null);
        ImportFinished refused = finished(ImportOutcome.REFUSED, 0, 0, "表格中没有要导入的数据");
        ImportFinished allStored = finished(ImportOutcome.DONE, 7, 0, null);
        ImportFinished longAgo = finished(ImportOutcome.DONE, 1, 1, null);
        for (ImportFinished event : new ImportFinished[] {someFailed, refused, allStored}) {
            events.publish(Topics.IMPORT_EVENTS, event, event.jobId().toString(), now);
        }
        events.publish(Topics.IMPORT_EVENTS, longAgo, longAgo.jobId().toString(), now.minus(Duration.ofDays(31)));
        events.awaitApplied();

        String org = "?orgId=" + committee;
        JsonNode counts = ok(committeeAdmin, "/api/stats/ops/counts" + org);
        assertThat(counts.path("waiting").path("IMPORT_RESULT").asLong()).as("listed 30 days").isEqualTo(2);
        assertThat(counts.path("recentMessages").asLong()).isEqualTo(3);
        JsonNode items = ok(committeeAdmin, "/api/stats/ops/items" + org + "&kind=IMPORT_RESULT").path("items");
        assertThat(items.valueStream().map(item -> item.path("refKey").asString()))
                .containsExactlyInAnyOrder(someFailed.jobId().toString(), refused.jobId().toString());
        assertThat(items.valueStream().map(item -> item.path("detail").asString()))
                .containsExactlyInAnyOrder("成功导入 2 位团员, 5 位团员导入失败", "表格中没有要导入的数据");
        assertThat(items.get(0).path("subject").asString()).isEqualTo("名单.xlsx");
        JsonNode messages = ok(committeeAdmin, "/api/stats/ops/messages" + org + "&kind=IMPORT_FINISHED")
                .path("items");
        assertThat(messages.valueStream().map(message -> message.path("text").asString())).contains(
                "批量导入已完成(名单.xlsx):成功导入 2 位团员, 5 位团员导入失败",
                "批量导入未成功(名单.xlsx):表格中没有要导入的数据",
                "批量导入已完成(名单.xlsx):成功导入 7 位团员, 0 位团员导入失败");
        assertThat(ok(branchAdmin, "/api/stats/ops/counts?orgId=" + branch).path("waiting").path("IMPORT_RESULT")
                .asLong()).as("the uploading org's, not its branch's").isZero();
    }

    @Test
    @DisplayName("R-OPS-1 R-ID-1 R-ID-3 a person the centre did not confirm waits at their org until a check passes, their details change or they are deleted")
    void identityFailures() {
        SentEvents ops = new SentEvents(kafka, jdbc, OpsEventsListener.CONSUMER);
        SentEvents projection = new SentEvents(kafka, jdbc);
        String named = SentEvents.idNumber();
        String unplaced = SentEvents.idNumber();
        String passedLater = SentEvents.idNumber();
        String corrected = SentEvents.idNumber();
        String deleted = SentEvents.idNumber();
        projection.publish(PersonEntered.member(unplaced, "李四", true, branch, true), unplaced);
        projection.awaitApplied();

        for (String person : new String[] {named, passedLater, corrected, deleted}) {
            ops.publish(Topics.IDENTITY_EVENTS, new IdentityVerificationFailed(person, "张三", branch, "不一致", now),
                    person, now);
        }
        ops.publish(Topics.IDENTITY_EVENTS, new IdentityVerificationFailed(unplaced, "李四", null, "查无此人", now),
                unplaced, now);
        ops.publish(Topics.IDENTITY_EVENTS, new IdentityVerified(passedLater, "张三", branch, now), passedLater, now);
        String newNumber = SentEvents.idNumber();
        ops.publish(Topics.MEMBER_EVENTS, new IdentityDetailsChanged(newNumber, corrected, "张三", "张三",
                "UNVERIFIED"), newNumber, now);
        ops.publish(Topics.MEMBER_EVENTS, new PersonDeleted(deleted, committeeAdmin, "重复录入"), deleted, now);
        ops.awaitApplied();

        JsonNode items = ok(branchAdmin, "/api/stats/ops/items?kind=IDENTITY_FAILURE").path("items");
        assertThat(items.valueStream().map(item -> item.path("refKey").asString()))
                .containsExactlyInAnyOrder(named, unplaced);
        assertThat(items.valueStream().map(item -> item.path("detail").asString()))
                .containsExactlyInAnyOrder("身份核验不通过:不一致", "身份核验不通过:查无此人");
        assertThat(ok(branchAdmin, "/api/stats/ops/counts").path("waiting").path("IDENTITY_FAILURE").asLong())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("R-OPS-1 R-AUTH-3 a reset code issued for a person is told to the admins of each of the person's orgs, without the code")
    void resetCodes() {
        SentEvents events = new SentEvents(kafka, jdbc, OpsEventsListener.CONSUMER);
        String person = SentEvents.idNumber();
        Instant until = now.plus(Duration.ofHours(24));
        events.publish(Topics.MEMBER_EVENTS, new ResetCodeIssued(person, "王五", List.of(branch, committee),
                committeeAdmin, until), person, now);
        events.awaitApplied();

        for (String[] admin : new String[][] {{branchAdmin, String.valueOf(branch)},
                {committeeAdmin, String.valueOf(committee)}}) {
            JsonNode messages = ok(admin[0], "/api/stats/ops/messages?kind=RESET_CODE_ISSUED&orgId=" + admin[1])
                    .path("items");
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).path("text").asString()).contains("王五", person, committeeAdmin, "分配密码重置验证码");
        }
    }

    @Test
    @DisplayName("R-SCOPE-1 import results, identity failures, their messages and reset-code messages: another province's admin and a branch's admin above it are refused")
    void scope() {
        for (String path : new String[] {"counts?orgId=" + committee,
                "items?kind=IMPORT_RESULT&orgId=" + committee, "items?kind=IDENTITY_FAILURE&orgId=" + branch,
                "messages?kind=IMPORT_FINISHED&orgId=" + committee,
                "messages?kind=RESET_CODE_ISSUED&orgId=" + branch}) {
            Response refused = api.get(otherAdmin, "/api/stats/ops/" + path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
        }
        Response above = api.get(branchAdmin, "/api/stats/ops/items?kind=IMPORT_RESULT&orgId=" + committee);
        assertThat(above.status()).isEqualTo(403);
        assertThat(above.code()).isEqualTo("OUT_OF_SCOPE");
    }
}
