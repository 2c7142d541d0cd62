package cn.league.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
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

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonAdded;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.test.ServiceApi.Response;
import cn.league.test.TestIdNumbers;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;
import cn.league.transfer.deadline.TransferExpiry;
import cn.league.transfer.membercopy.MemberEventsListener;
import cn.league.transfer.support.TransferApi;
import cn.league.transfer.support.TreeReplica;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransferApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransferExpiry expiry;
    @Autowired
    MemberEventsListener memberEvents;

    TransferApi api;
    TreeReplica tree;
    long province;
    long schoolCommittee;
    long oldBranch;
    long graduateBranch;
    long companyCommittee;
    long newBranch;
    long otherNewBranch;
    long siblingBranch;
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
        tree = new TreeReplica(jdbc);
        province = tree.province("团测试省委", "11");
        schoolCommittee = tree.child(province, "COMMITTEE", "某大学团委");
        oldBranch = tree.child(schoolCommittee, "BRANCH", "某大学2023级1班团支部");
        graduateBranch = tree.child(schoolCommittee, "GRADUATE_BRANCH", "某大学2022级毕业生团支部");
        companyCommittee = tree.child(province, "COMMITTEE", "某公司团委");
        newBranch = tree.child(companyCommittee, "BRANCH", "某公司一支部");
        otherNewBranch = tree.child(companyCommittee, "BRANCH", "某公司二支部");
        long siblingCommittee = tree.child(province, "COMMITTEE", "某镇团委");
        siblingBranch = tree.child(siblingCommittee, "BRANCH", "某村团支部");
        tree.admin(provinceAdmin, province);
        tree.admin(schoolAdmin, schoolCommittee);
        tree.admin(oldBranchAdmin, oldBranch);
        tree.admin(companyAdmin, companyCommittee);
        tree.admin(newBranchAdmin, newBranch);
        tree.admin(siblingAdmin, siblingCommittee);
        tree.member(member, "李四", oldBranch);
    }

    Response transferIn(String as, long toOrg) {
        return api.post(as, "/api/transfers/in", """
                {"name":"李四","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(member, toOrg));
    }

    Response transferOut(String as, long toOrg) {
        return api.post(as, "/api/transfers/out", """
                {"idNumber":"%s","toOrgId":%d,"reason":"毕业就业"}""".formatted(member, toOrg));
    }

    @Test
    @DisplayName("R-TR-2 transfer in: the new branch's admin finds the person by name + ID, the old branch approves; events on the topic")
    void transferIn() {
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.TRANSFER_EVENTS)) {
            Response started = transferIn(newBranchAdmin, newBranch);
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(started.json().path("currentStep").asString()).isEqualTo("OUT_SIDE_APPROVAL");
            assertThat(started.json().path("daysLeft").asLong()).isEqualTo(10);
            long id = started.id();
            assertThat(api.post(newBranchAdmin, "/api/transfers/" + id + "/approval", null).status())
                    .as("the in-side does not approve its own transfer in").isEqualTo(403);
            Response approved = api.post(oldBranchAdmin, "/api/transfers/" + id + "/approval", null);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
            assertThat(approved.json().path("toBranchId").asLong()).isEqualTo(newBranch);

            var records = reader.readUntil(seen -> seen.stream().filter(r -> member.equals(r.key())).count() >= 3,
                    Duration.ofSeconds(20));
            List<String> types = records.stream().filter(r -> member.equals(r.key()))
                    .map(r -> EventJson.read(r.value()).type()).toList();
            assertThat(types).containsExactly("TransferRequested.v1", "TransferStepDone.v1", "TransferApproved.v1");
            var approvedEvent = records.stream().filter(r -> r.value().contains("TransferApproved.v1")
                    && member.equals(r.key())).findFirst().orElseThrow();
            assertThat(EventJson.dataAs(EventJson.read(approvedEvent.value()), TransferApproved.class))
                    .isEqualTo(new TransferApproved(id, member, oldBranch, newBranch));
        }
    }

    @Test
    @DisplayName("R-TR-2 a wrong name or unknown ID is refused without saying where the person is")
    void mismatch() {
        Response wrongName = api.post(newBranchAdmin, "/api/transfers/in", """
                {"name":"王五","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(member, newBranch));
        assertThat(wrongName.status()).isEqualTo(404);
        assertThat(wrongName.code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(wrongName.body()).doesNotContain("某大学").doesNotContain(String.valueOf(oldBranch));
        assertThat(transferIn(siblingAdmin, newBranch).code()).as("only into one's own org")
                .isEqualTo("NOT_ADMIN_OF_TARGET");
    }

    @Test
    @DisplayName("R-TR-3 transfer out to a branch: the new branch's direct parent may approve; R-GRAD-4 from a graduate branch too")
    void outToBranch() {
        tree.member(member, "李四", graduateBranch);
        Response started = transferOut(schoolAdmin, newBranch);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("currentStep").asString()).isEqualTo("IN_SIDE_APPROVAL");
        Response approved = api.post(companyAdmin, "/api/transfers/" + started.id() + "/approval", null);
        assertThat(approved.json().path("state").asString()).as(approved.body()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("R-TR-3 transfer out to a committee: its admin approves, then assigns a branch below it")
    void outToCommittee() {
        long id = transferOut(oldBranchAdmin, companyCommittee).id();
        assertThat(api.post(newBranchAdmin, "/api/transfers/" + id + "/approval", null).status())
                .as("a branch below the receiving committee is not its approver").isIn(403, 404);
        Response approved = api.post(companyAdmin, "/api/transfers/" + id + "/approval", null);
        assertThat(approved.json().path("currentStep").asString()).as(approved.body()).isEqualTo("BRANCH_ASSIGNMENT");
        assertThat(api.post(companyAdmin, "/api/transfers/" + id + "/assignment",
                "{\"branchId\":" + siblingBranch + "}").code()).isEqualTo("BRANCH_NOT_BELOW_TARGET");
        Response assigned = api.post(companyAdmin, "/api/transfers/" + id + "/assignment",
                "{\"branchId\":" + otherNewBranch + "}");
        assertThat(assigned.json().path("state").asString()).as(assigned.body()).isEqualTo("APPROVED");
        assertThat(assigned.json().path("toBranchId").asLong()).isEqualTo(otherNewBranch);
        var entries = api.get(member, "/api/transfers/" + id).json().path("entries");
        assertThat(entries.size()).isEqualTo(3);
        assertThat(entries.get(2).path("action").asString()).isEqualTo("BRANCH_ASSIGNED");
        assertThat(entries.get(1).path("actedBy").asString()).isEqualTo(companyAdmin);
    }

    @Test
    @DisplayName("R-TR-1 the member starts it: the old branch approves, then the new branch")
    void byMember() {
        Response started = api.post(member, "/api/transfers/own",
                "{\"toOrgId\":" + newBranch + ",\"reason\":\"毕业就业\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long id = started.id();
        assertThat(api.post(newBranchAdmin, "/api/transfers/" + id + "/approval", null).status()).isEqualTo(403);
        assertThat(api.post(schoolAdmin, "/api/transfers/" + id + "/approval", null).json()
                .path("currentStep").asString()).isEqualTo("IN_SIDE_APPROVAL");
        assertThat(api.post(newBranchAdmin, "/api/transfers/" + id + "/approval", null).json()
                .path("state").asString()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("R-TR-1 a second open transfer is refused with the FAQ's words and who started the first")
    void oneOpen() {
        assertThat(transferIn(newBranchAdmin, newBranch).status()).isEqualTo(201);
        Response second = api.post(member, "/api/transfers/own", "{\"toOrgId\":" + siblingBranch + ",\"reason\":\"x\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.rule()).isEqualTo("R-TR-1");
        assertThat(second.json().path("detail").asString()).startsWith("已有业务正在办理,不能重复发起")
                .contains("转入方管理员");
    }

    @Test
    @DisplayName("R-TR-1 two concurrent starts: exactly one opens")
    void concurrentStarts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> both = pool.invokeAll(List.<Callable<Response>>of(
                    () -> transferIn(newBranchAdmin, newBranch), () -> transferOut(oldBranchAdmin, siblingBranch)));
            List<Integer> statuses = both.stream().map(f -> {
                try {
                    return f.get().status();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(statuses).containsExactly(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from transfer where id_number = ? and state = 'OPEN'").param(member)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-TR-6 the initiator or the member withdraws; nobody else; not after approval")
    void withdraw() {
        long id = transferIn(newBranchAdmin, newBranch).id();
        assertThat(api.post(oldBranchAdmin, "/api/transfers/" + id + "/withdrawal", null).code())
                .isEqualTo("NOT_INITIATOR");
        Response withdrawn = api.post(member, "/api/transfers/" + id + "/withdrawal", null);
        assertThat(withdrawn.json().path("state").asString()).as(withdrawn.body()).isEqualTo("WITHDRAWN");
        long again = transferIn(newBranchAdmin, newBranch).id();
        api.post(oldBranchAdmin, "/api/transfers/" + again + "/approval", null);
        Response late = api.post(newBranchAdmin, "/api/transfers/" + again + "/withdrawal", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("TRANSFER_NOT_OPEN");
    }

    @Test
    @DisplayName("R-TR-7 a rejection needs a reason, and the member reads it in 我的组织关系转接历史")
    void reject() {
        long id = transferOut(oldBranchAdmin, newBranch).id();
        assertThat(api.post(newBranchAdmin, "/api/transfers/" + id + "/rejection", "{\"reason\":\"\"}").rule())
                .isEqualTo("R-TR-7");
        api.post(newBranchAdmin, "/api/transfers/" + id + "/rejection", "{\"reason\":\"本支部不接收\"}");
        var mine = api.get(member, "/api/transfers/history").json().path("items");
        assertThat(mine.get(0).path("state").asString()).isEqualTo("REJECTED");
        assertThat(mine.get(0).path("endReason").asString()).isEqualTo("本支部不接收");
        assertThat(api.get(newBranchAdmin, "/api/transfers/history").json().path("items").size())
                .as("R-SCOPE-3 only one's own").isZero();
    }

    @Test
    @DisplayName("R-TR-14 R-SCOPE-1 an org's history: the transfers out of its subtree and into it, newest first, with the "
            + "orgs' names, filtered by direction, state and start time, page by page; a sibling's admin is refused")
    void historyOfAnOrg() {
        long rejected = transferOut(oldBranchAdmin, newBranch).id();
        api.post(newBranchAdmin, "/api/transfers/" + rejected + "/rejection", "{\"reason\":\"本支部不接收\"}");
        long open = transferOut(oldBranchAdmin, otherNewBranch).id();

        var school = api.get(schoolAdmin, "/api/transfers/orgs/" + schoolCommittee + "/history?direction=OUT");
        assertThat(school.status()).as(school.body()).isEqualTo(200);
        assertThat(school.json().path("items").findValues("id").stream().map(id -> id.asLong()).toList())
                .containsExactly(open, rejected);
        assertThat(school.json().path("orgNames").path(String.valueOf(otherNewBranch)).asString()).isEqualTo("某公司二支部");
        assertThat(api.get(schoolAdmin, "/api/transfers/orgs/" + schoolCommittee + "/history?direction=IN").json()
                .path("items").size()).as("nothing came into the school").isZero();

        var company = api.get(companyAdmin, "/api/transfers/orgs/" + companyCommittee + "/history?state=REJECTED");
        assertThat(company.json().path("items").findValues("id").stream().map(id -> id.asLong()).toList())
                .containsExactly(rejected);
        assertThat(company.json().path("items").get(0).path("endReason").asString()).isEqualTo("本支部不接收");
        var firstPage = api.get(provinceAdmin, "/api/transfers/orgs/" + province + "/history?size=1").json();
        assertThat(firstPage.path("items").get(0).path("id").asLong()).isEqualTo(open);
        assertThat(api.get(provinceAdmin, "/api/transfers/orgs/" + province + "/history?size=1&before="
                + firstPage.path("next").asLong()).json().path("items").get(0).path("id").asLong()).isEqualTo(rejected);
        String later = Instant.now().plus(Duration.ofHours(1)).toString();
        assertThat(api.get(provinceAdmin, "/api/transfers/orgs/" + province + "/history?from=" + later).json()
                .path("items").size()).as("started before the period").isZero();

        var sibling = api.get(siblingAdmin, "/api/transfers/orgs/" + schoolCommittee + "/history");
        assertThat(sibling.status()).isEqualTo(403);
        assertThat(sibling.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(api.get(newBranchAdmin, "/api/transfers/orgs/" + newBranch + "/history").json().path("items")
                .findValues("id").stream().map(id -> id.asLong()).toList()).containsExactly(rejected);
    }

    @Test
    @DisplayName("R-TR-5 a step waiting 10 days expires; two runs at once expire it once")
    void expiry() throws Exception {
        long id = transferIn(newBranchAdmin, newBranch).id();
        Instant later = Instant.now().plus(Duration.ofDays(10)).plusSeconds(5);
        assertThat(expiry.expireAsOf(Instant.now().plus(Duration.ofDays(9)))).isZero();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var runs = pool.invokeAll(List.<Callable<Integer>>of(() -> expiry.expireAsOf(later),
                    () -> expiry.expireAsOf(later)));
            int total = 0;
            for (var run : runs) {
                total += run.get();
            }
            assertThat(total).isPositive();
        } finally {
            pool.shutdown();
        }
        assertThat(expiry.expireAsOf(later)).isZero();
        var detail = api.get(member, "/api/transfers/" + id).json();
        assertThat(detail.path("transfer").path("state").asString()).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("select count(*) from transfer_entry where transfer_id = ? and action = 'EXPIRED'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-TR-14 the approvers' queue: what waits for the org, counts per step, days left, filters")
    void queue() {
        long id = transferIn(newBranchAdmin, newBranch).id();
        Response queue = api.get(oldBranchAdmin, "/api/transfers/orgs/" + oldBranch + "/waiting");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.json().path("items").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(queue.json().path("items").get(0).path("daysLeft").asLong()).isEqualTo(10);
        assertThat(queue.json().path("counts").get(0).path("count").asLong()).isEqualTo(1);
        Response parents = api.get(schoolAdmin, "/api/transfers/orgs/" + schoolCommittee + "/waiting");
        assertThat(parents.json().path("items").size()).as("the old branch's direct parent sees it too").isEqualTo(1);
        assertThat(api.get(oldBranchAdmin, "/api/transfers/orgs/" + oldBranch + "/waiting?step=IN_SIDE_APPROVAL")
                .json().path("items").size()).isZero();
        assertThat(api.get(oldBranchAdmin, "/api/transfers/orgs/" + oldBranch + "/waiting?from="
                + Instant.now().plusSeconds(3600)).json().path("items").size()).isZero();
        assertThat(api.get(siblingAdmin, "/api/transfers/orgs/" + oldBranch + "/waiting").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-SCOPE-1/3 admins outside both sides (sibling subtree, a child) and other members see nothing")
    void scope() {
        long id = transferOut(oldBranchAdmin, companyCommittee).id();
        assertThat(api.get(provinceAdmin, "/api/transfers/" + id).status()).isEqualTo(200);
        assertThat(api.get(companyAdmin, "/api/transfers/" + id).status()).isEqualTo(200);
        assertThat(api.get(siblingAdmin, "/api/transfers/" + id).status()).isEqualTo(404);
        assertThat(api.get(newBranchAdmin, "/api/transfers/" + id).status()).as("a child of the target").isEqualTo(404);
        assertThat(api.get(TestIdNumbers.fresh(), "/api/transfers/" + id).status()).isEqualTo(404);
        assertThat(api.post(siblingAdmin, "/api/transfers/" + id + "/rejection", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(transferOut(siblingAdmin, newBranch).code()).as("not their member").isEqualTo("PERSON_NOT_FOUND");
    }

    @Test
    @DisplayName("issue 16 R-SCOPE-1 a transfer outside both sides answers every transfer operation as an unknown id, "
            + "and a person outside the subtree as an unknown ID number: 404, the same code, the same words")
    void recordsOutsideTheSubtreeAreUnknownRecords() {
        long id = transferOut(oldBranchAdmin, companyCommittee).id();
        long unknown = id + 1_000_000;

        for (String operation : List.of("GET ", "GET /approver-view", "POST /approval", "POST /assignment",
                "POST /rejection", "POST /withdrawal")) {
            Response foreign = transfer(operation, id);
            assertThat(foreign.refusal()).as(operation).isEqualTo(transfer(operation, unknown).refusal());
            assertThat(foreign.status()).as(operation).isEqualTo(404);
            assertThat(foreign.code()).as(operation).isEqualTo("TRANSFER_NOT_FOUND");
        }
        Response foreignPerson = transferOut(siblingAdmin, newBranch);
        Response unknownPerson = api.post(siblingAdmin, "/api/transfers/out", """
                {"idNumber":"%s","toOrgId":%d,"reason":"毕业就业"}""".formatted(TestIdNumbers.fresh(), newBranch));
        assertThat(foreignPerson.refusal()).isEqualTo(unknownPerson.refusal());
        assertThat(foreignPerson.code()).isEqualTo("PERSON_NOT_FOUND");
    }

    /** "METHOD /suffix" on /api/transfers/{id}, as the sibling subtree's admin. */
    private Response transfer(String operation, long id) {
        String[] parts = operation.split(" ", 2);
        String url = "/api/transfers/" + id + parts[1];
        return parts[0].equals("GET") ? api.get(siblingAdmin, url)
                : api.post(siblingAdmin, url, "{\"reason\":\"范围\",\"branchId\":" + newBranch + "}");
    }

    @Test
    @DisplayName("R-TR-3 R-SCOPE-1 办理转出 by an admin above the branch's direct parent: refused with who may act, not 'not found'")
    void transferOutFromTooHighUp() {
        Response refused = transferOut(provinceAdmin, companyCommittee);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_BRANCH_OR_DIRECT_PARENT");
        assertThat(refused.json().path("detail").asString()).startsWith("只能办理本团支部或直属下级团支部成员的转出");
        assertThat(transferOut(siblingAdmin, companyCommittee).code()).as("outside the subtree: as if not there")
                .isEqualTo("PERSON_NOT_FOUND");
    }

    @Test
    @DisplayName("R-TR-10 target choice: provincial-level orgs incl. the national system committees, then children")
    void targets() {
        long railway = tree.province("全国铁道团委", null);
        var roots = api.get(member, "/api/transfers/targets?after=" + (province - 1) + "&size=200").json();
        List<Long> ids = roots.findValues("id").stream().map(n -> n.asLong()).toList();
        assertThat(ids).contains(province, railway).doesNotContain(schoolCommittee);
        var children = api.get(member, "/api/transfers/targets/" + province + "/children").json();
        assertThat(children.findValues("id").stream().map(n -> n.asLong()).toList())
                .containsExactly(schoolCommittee, companyCommittee, children.get(2).path("id").asLong());
    }

    @Test
    @DisplayName("R-TR-2 the person lookup follows member-service's events, each applied once")
    void memberCopyFromEvents() {
        String person = TestIdNumbers.fresh();
        Instant now = Instant.now();
        assertThat(memberEvents.apply(envelope(new PersonAdded(person, "赵六"), person, now))).isTrue();
        var started = envelope(new MembershipStarted(person, siblingBranch), person, now);
        assertThat(memberEvents.apply(started)).isTrue();
        assertThat(memberEvents.apply(started)).as("a replay changes nothing").isFalse();
        memberEvents.apply(envelope(new MembershipMoved(person, siblingBranch, oldBranch), person, now));
        Response in = api.post(newBranchAdmin, "/api/transfers/in", """
                {"name":"赵六","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(person, newBranch));
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(in.json().path("fromBranchId").asLong()).isEqualTo(oldBranch);
    }

    @Test
    @DisplayName("R-TR-2 a person entered one by one or imported (PersonEntered) is found by name + ID in their branch")
    void enteredPersonIsFound() {
        String person = TestIdNumbers.fresh();
        var entered = envelope(PersonEntered.member(person, "孙七", true, oldBranch), person, Instant.now());
        assertThat(memberEvents.apply(entered)).isTrue();
        assertThat(memberEvents.apply(entered)).as("a replay changes nothing").isFalse();
        Response in = api.post(newBranchAdmin, "/api/transfers/in", """
                {"name":"孙七","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(person, newBranch));
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(in.json().path("fromBranchId").asLong()).isEqualTo(oldBranch);
    }

    private static EventEnvelope<tools.jackson.databind.JsonNode> envelope(Object event, String key, Instant at) {
        return EventJson.read(EventJson.write(EventEnvelope.wrap(event, key, null, null, at)));
    }
}
