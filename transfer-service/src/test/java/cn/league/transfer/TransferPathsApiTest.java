package cn.league.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import cn.league.contracts.member.MemberEvents.GraduateFlagged;
import cn.league.contracts.member.MemberEvents.GraduationFlagsSet;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.test.ServiceApi.Response;
import cn.league.test.TestIdNumbers;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;
import cn.league.transfer.membercopy.MemberEventsListener;
import cn.league.transfer.support.TransferApi;
import cn.league.transfer.support.TreeReplica;

import static org.assertj.core.api.Assertions.assertThat;

/** The paths beyond the ordinary ones, over HTTP with real PostgreSQL and Kafka: R-TR-4, 8, 9, 11, 12, R-GRAD-4, R-MEM-10. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransferPathsApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberEventsListener memberEvents;
    @Autowired
    KafkaTemplate<String, String> kafka;

    TransferApi api;
    TreeReplica tree;
    long province;
    long otherProvince;
    long committee;
    long branchA;
    long branchB;
    long siblingCommittee;
    long siblingBranch;
    long township;
    long floating;
    long otherTownship;
    long otherFloating;
    long company;
    long school;
    long schoolBranch;
    final String provinceAdmin = TestIdNumbers.fresh();
    final String otherProvinceAdmin = TestIdNumbers.fresh();
    final String committeeAdmin = TestIdNumbers.fresh();
    final String branchAAdmin = TestIdNumbers.fresh();
    final String secondBranchAAdmin = TestIdNumbers.fresh();
    final String siblingAdmin = TestIdNumbers.fresh();
    final String floatingAdmin = TestIdNumbers.fresh();
    final String companyAdmin = TestIdNumbers.fresh();
    final String first = TestIdNumbers.fresh();
    final String second = TestIdNumbers.fresh();
    final String outsider = TestIdNumbers.fresh();

    @BeforeEach
    void tree() {
        api = new TransferApi(port);
        tree = new TreeReplica(jdbc);
        province = tree.province("团测试省委", "11");
        otherProvince = tree.province("团另一省委", "12");
        committee = tree.child(province, "COMMITTEE", "某大学团委");
        branchA = tree.child(committee, "BRANCH", "某大学2023级1班团支部");
        branchB = tree.child(committee, "BRANCH", "某大学2023级2班团支部");
        siblingCommittee = tree.child(province, "COMMITTEE", "某学院团委");
        siblingBranch = tree.child(siblingCommittee, "BRANCH", "某学院1班团支部");
        township = tree.child(province, "WORK_COMMITTEE", "某镇团工委");
        floating = tree.flaggedBranch(township, "某镇流动团支部", "FLOATING");
        otherTownship = tree.child(province, "WORK_COMMITTEE", "某街道团工委");
        otherFloating = tree.flaggedBranch(otherTownship, "某街道流动团支部", "FLOATING");
        company = tree.child(province, "COMMITTEE", "某公司团委");
        school = tree.child(province, "COMMITTEE", "某研究生院团委");
        schoolBranch = tree.child(school, "BRANCH", "某研究生院2027级团支部");
        tree.domain(school, "SCHOOL");
        tree.domain(schoolBranch, "SCHOOL");
        tree.admin(provinceAdmin, province);
        tree.admin(otherProvinceAdmin, otherProvince);
        tree.admin(committeeAdmin, committee);
        tree.admin(branchAAdmin, branchA);
        tree.admin(secondBranchAAdmin, branchA);
        tree.admin(siblingAdmin, siblingCommittee);
        tree.admin(floatingAdmin, floating);
        tree.admin(companyAdmin, company);
        tree.member(first, "张一", branchA);
        tree.member(second, "张二", branchA);
        tree.member(outsider, "王五", siblingBranch);
    }

    Response batch(String as, long toBranch, List<String> people) {
        String ids = String.join("\",\"", people);
        return api.post(as, "/api/transfers/batch", """
                {"committeeId":%d,"toBranchId":%d,"idNumbers":["%s"],"reason":"支部调整"}"""
                .formatted(committee, toBranch, ids));
    }

    long openCount(String idNumber) {
        return jdbc.sql("select count(*) from transfer where id_number = ?").param(idNumber).query(Long.class).single();
    }

    // ---- R-TR-4 committee admins ----

    @Test
    @DisplayName("R-TR-4 batch transfer: a committee's admin moves two people between its branches at once; TransferApproved for each")
    void batchMove() {
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.TRANSFER_EVENTS)) {
            Response moved = batch(committeeAdmin, branchB, List.of(first, second));
            assertThat(moved.status()).as(moved.body()).isEqualTo(201);
            assertThat(moved.json().size()).isEqualTo(2);
            for (var item : moved.json()) {
                assertThat(item.path("state").asString()).isEqualTo("APPROVED");
                assertThat(item.path("kind").asString()).isEqualTo("COMMITTEE_BATCH");
                assertThat(item.path("toBranchId").asLong()).isEqualTo(branchB);
                assertThat(item.path("steps").size()).as("no approval").isZero();
            }
            long id = moved.json().get(0).path("id").asLong();
            Response again = api.post(committeeAdmin, "/api/transfers/" + id + "/approval", null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("TRANSFER_NOT_OPEN");
            var entries = api.get(first, "/api/transfers/" + id).json().path("entries");
            assertThat(entries.findValues("action").stream().map(n -> n.asString()).toList())
                    .containsExactly("STARTED", "APPROVED");

            var records = reader.readUntil(seen -> seen.stream().filter(r -> first.equals(r.key())
                    || second.equals(r.key())).count() >= 6, Duration.ofSeconds(20));
            List<TransferApproved> approved = records.stream()
                    .filter(r -> (first.equals(r.key()) || second.equals(r.key()))
                            && r.value().contains("TransferApproved.v1"))
                    .map(r -> EventJson.dataAs(EventJson.read(r.value()), TransferApproved.class)).toList();
            assertThat(approved).extracting(TransferApproved::toBranchId).containsOnly(branchB);
            assertThat(approved).extracting(TransferApproved::idNumber).containsExactlyInAnyOrder(first, second);
            var requested = records.stream().filter(r -> first.equals(r.key())
                    && r.value().contains("TransferRequested.v1")).findFirst().orElseThrow();
            assertThat(EventJson.dataAs(EventJson.read(requested.value()), TransferRequested.class).kind())
                    .isEqualTo(TransferKind.COMMITTEE_BATCH);
        }
    }

    @Test
    @DisplayName("R-TR-4 more than 30 people in one batch are refused with a clear Chinese message")
    void batchTooLarge() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            String person = TestIdNumbers.fresh();
            tree.member(person, "成员" + i, branchA);
            many.add(person);
        }
        Response refused = batch(committeeAdmin, branchB, many);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(refused.json().path("detail").asString()).isEqualTo("组织关系批量转接一次最多转接30人,本次选择了31人");
        assertThat(openCount(many.getFirst())).isZero();
    }

    @Test
    @DisplayName("R-TR-4 people not in branches under the committee are refused each with a reason; nothing is half-done")
    void batchAllOrNothing() {
        String busy = TestIdNumbers.fresh();
        tree.member(busy, "张三", branchA);
        assertThat(api.post(busy, "/api/transfers/own", "{\"toOrgId\":" + siblingBranch + ",\"reason\":\"x\"}")
                .status()).isEqualTo(201);
        Response refused = batch(committeeAdmin, branchB, List.of(first, outsider, busy, first));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("BATCH_REFUSED");
        var reasons = refused.json().path("refused");
        assertThat(reasons.findValues("code").stream().map(n -> n.asString()).toList())
                .containsExactly("NOT_UNDER_COMMITTEE", "TRANSFER_ALREADY_OPEN", "DUPLICATE_IN_BATCH");
        assertThat(reasons.get(0).path("idNumber").asString()).isEqualTo(outsider);
        assertThat(reasons.get(0).path("detail").asString()).isEqualTo("该成员的组织关系不在本组织下属团支部");
        assertThat(openCount(first)).as("the valid person was not moved either").isZero();
    }

    @Test
    @DisplayName("R-TR-4 R-SCOPE-1 a batch by another committee's admin, a branch admin or a member is refused; the target must be under the committee")
    void batchScope() {
        assertThat(batch(siblingAdmin, branchB, List.of(first)).code()).isEqualTo("NOT_ADMIN_OF_COMMITTEE");
        assertThat(batch(branchAAdmin, branchB, List.of(first)).status()).isEqualTo(403);
        assertThat(batch(first, branchB, List.of(second)).status()).as("a member acting for others").isEqualTo(403);
        assertThat(batch(committeeAdmin, siblingBranch, List.of(first)).code()).isEqualTo("BRANCH_NOT_BELOW_COMMITTEE");
        assertThat(batch(committeeAdmin, branchA, List.of(first)).json().path("refused").get(0).path("code")
                .asString()).isEqualTo("ALREADY_IN_TARGET");
    }

    @Test
    @DisplayName("R-TR-4 transfer in to the committee: the out-side approves, then the committee assigns an existing branch under it")
    void committeeTransferIn() {
        Response started = api.post(committeeAdmin, "/api/transfers/in", """
                {"name":"王五","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(outsider, committee));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long id = started.id();
        assertThat(api.post(committeeAdmin, "/api/transfers/" + id + "/assignment", "{\"branchId\":" + branchB + "}")
                .code()).as("not before the out-side approved").isEqualTo("NOT_APPROVER");
        assertThat(api.post(siblingAdmin, "/api/transfers/" + id + "/approval", null).json().path("currentStep")
                .asString()).isEqualTo("BRANCH_ASSIGNMENT");
        assertThat(api.post(committeeAdmin, "/api/transfers/" + id + "/assignment", "{\"branchId\":987654321987}")
                .code()).as("a branch that does not exist").isEqualTo("BRANCH_NOT_BELOW_TARGET");
        assertThat(api.post(siblingAdmin, "/api/transfers/" + id + "/assignment", "{\"branchId\":" + branchB + "}")
                .status()).as("R-SCOPE-1 the out-side does not assign").isEqualTo(403);
        Response assigned = api.post(committeeAdmin, "/api/transfers/" + id + "/assignment",
                "{\"branchId\":" + branchB + "}");
        assertThat(assigned.json().path("state").asString()).as(assigned.body()).isEqualTo("APPROVED");
        assertThat(assigned.json().path("toBranchId").asLong()).isEqualTo(branchB);
    }

    @Test
    @DisplayName("R-TR-4 transfer out of a branch under the committee by the committee's admin; not of another committee's branch")
    void committeeTransferOut() {
        Response out = api.post(committeeAdmin, "/api/transfers/out", """
                {"idNumber":"%s","toOrgId":%d,"reason":"毕业就业"}""".formatted(first, company));
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        assertThat(out.json().path("currentStep").asString()).isEqualTo("IN_SIDE_APPROVAL");
        assertThat(api.post(committeeAdmin, "/api/transfers/out", """
                {"idNumber":"%s","toOrgId":%d,"reason":"毕业就业"}""".formatted(outsider, company)).code())
                .isEqualTo("PERSON_NOT_FOUND");
    }

    // ---- R-TR-8 special units ----

    Response special(String as, String idNumber, String note, DestinationType type) {
        return api.post(as, "/api/transfers/special-unit", """
                {"idNumber":%s,"note":"%s","reason":"参军入伍","destinationType":%s}""".formatted(
                idNumber == null ? "null" : "\"" + idNumber + "\"", note, type == null ? "null" : "\"" + type + "\""));
    }

    @Test
    @DisplayName("R-TR-8 special unit: no target org, a note; the out-side's provincial-level admin approves; TransferredOut")
    void specialUnit() {
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.TRANSFER_EVENTS)) {
            Response started = special(branchAAdmin, first, "参军入伍,某部队", null);
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(started.json().path("kind").asString()).isEqualTo("SPECIAL_UNIT");
            assertThat(started.json().path("targetOrgId").isNull()).isTrue();
            assertThat(started.json().path("currentStep").asString()).isEqualTo("PROVINCIAL_APPROVAL");
            long id = started.id();
            for (String notApprover : List.of(branchAAdmin, committeeAdmin, otherProvinceAdmin, first)) {
                assertThat(api.post(notApprover, "/api/transfers/" + id + "/approval", null).status())
                        .as(notApprover).isIn(403, 404);
            }
            assertThat(api.post(provinceAdmin, "/api/transfers/" + id + "/assignment", "{\"branchId\":" + branchB + "}")
                    .code()).as("an illegal move for this kind").isEqualTo("NOT_AT_BRANCH_ASSIGNMENT");
            var queue = api.get(provinceAdmin, "/api/transfers/orgs/" + province + "/waiting").json();
            assertThat(queue.path("items").findValues("id").stream().map(n -> n.asLong()).toList()).contains(id);
            Response approved = api.post(provinceAdmin, "/api/transfers/" + id + "/approval", null);
            assertThat(approved.json().path("state").asString()).as(approved.body()).isEqualTo("APPROVED");
            assertThat(approved.json().path("destinationNote").asString()).isEqualTo("参军入伍,某部队");

            var out = reader.readUntilContains("TransferredOut.v1", Duration.ofSeconds(20)).stream()
                    .filter(r -> first.equals(r.key()) && r.value().contains("TransferredOut.v1")).findFirst()
                    .orElseThrow();
            assertThat(EventJson.dataAs(EventJson.read(out.value()), TransferredOut.class))
                    .isEqualTo(new TransferredOut(id, first, branchA, TransferKind.SPECIAL_UNIT, null, "参军入伍,某部队"));
        }
    }

    @Test
    @DisplayName("R-TR-8 the member starts it themself; a note is required; R-SCOPE-1 other admins and other members are refused")
    void specialUnitByMemberAndScope() {
        assertThat(special(first, null, " ", null).code()).isEqualTo("SPECIAL_UNIT_NOTE_REQUIRED");
        assertThat(special(siblingAdmin, first, "参军入伍", null).code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(special(second, first, "参军入伍", null).code()).as("a member acting for someone else")
                .isEqualTo("PERSON_NOT_FOUND");
        Response own = special(first, null, "涉密单位工作", null);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().path("initiator").asString()).isEqualTo("MEMBER");
        assertThat(api.get(siblingAdmin, "/api/transfers/" + own.id()).status()).isEqualTo(404);
        assertThat(api.get(provinceAdmin, "/api/transfers/" + own.id()).status()).isEqualTo(200);
    }

    // ---- R-TR-9 systems outside ----

    Response external(String as, String idNumber) {
        return api.post(as, "/api/transfers/external", """
                {"idNumber":%s,"system":"GUANGDONG","targetFullName":"共青团广州市某公司委员会","reason":"工作调动"}"""
                .formatted(idNumber == null ? "null" : "\"" + idNumber + "\""));
    }

    @Test
    @DisplayName("R-TR-9 system outside: typed full name, recorded as external; the out-side approves; TransferredOut, no deletion")
    void externalSystem() {
        Response started = external(first, null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("kind").asString()).isEqualTo("EXTERNAL");
        assertThat(started.json().path("externalSystem").asString()).isEqualTo("GUANGDONG");
        assertThat(started.json().path("destinationNote").asString()).isEqualTo("共青团广州市某公司委员会");
        assertThat(api.post(siblingAdmin, "/api/transfers/" + started.id() + "/approval", null).status())
                .isEqualTo(404);
        Response approved = api.post(branchAAdmin, "/api/transfers/" + started.id() + "/approval", null);
        assertThat(approved.json().path("state").asString()).as(approved.body()).isEqualTo("APPROVED");
        assertThat(approved.json().path("toBranchId").isNull()).isTrue();
    }

    @Test
    @DisplayName("R-TR-9 started by the out-side's admin it needs another out-side admin; R-SCOPE-1 outsiders and other members refused")
    void externalByOutSide() {
        assertThat(external(siblingAdmin, first).code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(external(second, first).code()).as("a member acting for someone else").isEqualTo("PERSON_NOT_FOUND");
        long id = external(branchAAdmin, first).id();
        assertThat(api.post(branchAAdmin, "/api/transfers/" + id + "/approval", null).code()).isEqualTo("OWN_TRANSFER");
        assertThat(api.post(committeeAdmin, "/api/transfers/" + id + "/approval", null).json().path("state")
                .asString()).as("the old branch's direct parent").isEqualTo("APPROVED");
        long again = external(first, null).id();
        assertThat(api.post(secondBranchAAdmin, "/api/transfers/" + again + "/rejection", "{\"reason\":\"名称有误\"}")
                .json().path("state").asString()).isEqualTo("REJECTED");
    }

    // ---- R-TR-11 graduates, R-MEM-10 ----

    String graduate(String name) {
        String person = TestIdNumbers.fresh();
        tree.member(person, name, branchA);
        tree.graduationFlags(person, true, false, false);
        return person;
    }

    Response own(String as, long toOrg, DestinationType type, Long location) {
        return api.post(as, "/api/transfers/own", """
                {"toOrgId":%d,"reason":"毕业","destinationType":%s,"employerLocationOrgId":%s}""".formatted(toOrg,
                type == null ? "null" : "\"" + type + "\"", location));
    }

    @Test
    @DisplayName("R-TR-11 a graduate names a destination; no job goes to a 流动团支部; study abroad stays; military is a special unit")
    void graduateDestinations() {
        String grad = graduate("毕一");
        assertThat(own(grad, company, null, null).code()).isEqualTo("DESTINATION_REQUIRED");
        assertThat(own(grad, company, DestinationType.NO_JOB, null).code()).isEqualTo("NO_JOB_TO_FLOATING_BRANCH");
        assertThat(own(grad, company, DestinationType.STUDY_ABROAD, null).code()).isEqualTo("STUDY_ABROAD_STAYS");
        assertThat(own(grad, company, DestinationType.MILITARY, null).code()).isEqualTo("MILITARY_IS_SPECIAL_UNIT");
        assertThat(own(grad, company, DestinationType.FURTHER_STUDY, null).code()).isEqualTo("FURTHER_STUDY_TO_SCHOOL");
        Response study = own(grad, schoolBranch, DestinationType.FURTHER_STUDY, null);
        assertThat(study.status()).as(study.body()).isEqualTo(201);
        assertThat(study.json().path("destinationType").asString()).isEqualTo("FURTHER_STUDY");
        api.post(grad, "/api/transfers/" + study.id() + "/withdrawal", null);
        assertThat(special(grad, null, "参军入伍", null).code()).isEqualTo("DESTINATION_REQUIRED");
        assertThat(special(grad, null, "参军入伍", DestinationType.MILITARY).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-TR-11 a graduate with a job may not use the 未就业 channel; a 流动团支部 refuses one employed elsewhere")
    void graduateWithJob() {
        String grad = graduate("毕二");
        assertThat(own(grad, floating, DestinationType.JOB, otherTownship).code())
                .isEqualTo("FLOATING_BRANCH_EMPLOYED_ELSEWHERE");
        Response reported = api.post(grad, "/api/transfers/job-reports", "{\"employer\":\"某科技公司\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        Response noJob = own(grad, floating, DestinationType.NO_JOB, null);
        assertThat(noJob.code()).isEqualTo("GRADUATE_HAS_JOB");
        assertThat(noJob.json().path("detail").asString())
                .isEqualTo("已找到工作的毕业学生团员,不能选择“未就业”渠道将团组织关系转往户籍地");
        Response local = own(grad, floating, DestinationType.JOB, township);
        assertThat(local.status()).as("the 流动团支部 of the employer's township").isEqualTo(201);
        assertThat(api.post(floatingAdmin, "/api/transfers/" + local.id() + "/approval", null).status())
                .as("the out-side approves first").isEqualTo(403);
    }

    @Test
    @DisplayName("R-MEM-10 graduate flags come from member-service's events; delayed graduates and teachers transfer without a destination")
    void graduateFlagsFromEvents() {
        String delayed = TestIdNumbers.fresh();
        String flagged = TestIdNumbers.fresh();
        tree.member(delayed, "延一", branchA);
        tree.member(flagged, "毕三", branchA);
        Instant now = Instant.now();
        var flags = envelope(new GraduationFlagsSet(delayed, false, true, false), delayed, now);
        assertThat(memberEvents.apply(flags)).isTrue();
        assertThat(memberEvents.apply(flags)).as("a replay changes nothing").isFalse();
        assertThat(memberEvents.apply(envelope(new GraduateFlagged(flagged, branchA), flagged, now))).isTrue();

        assertThat(own(flagged, company, null, null).code()).isEqualTo("DESTINATION_REQUIRED");
        assertThat(own(delayed, company, DestinationType.JOB, null).code()).isEqualTo("NOT_A_GRADUATE");
        assertThat(own(delayed, company, null, null).status()).isEqualTo(201);
        String teacher = TestIdNumbers.fresh();
        tree.member(teacher, "师一", branchA);
        memberEvents.apply(envelope(new GraduationFlagsSet(teacher, true, false, true), teacher, now));
        assertThat(own(teacher, company, null, null).status()).as("a teacher is not a graduate").isEqualTo(201);
    }

    @Test
    @DisplayName("R-TR-11 the 流动团支部's admin sees members whose job was reported more than a month ago, to move them out")
    void floatingBranchMoveOutList() {
        String late = TestIdNumbers.fresh();
        String recent = TestIdNumbers.fresh();
        tree.member(late, "流一", floating);
        tree.member(recent, "流二", floating);
        assertThat(api.post(floatingAdmin, "/api/transfers/job-reports",
                "{\"idNumber\":\"" + late + "\",\"employer\":\"某工厂\"}").status()).isEqualTo(201);
        assertThat(api.post(recent, "/api/transfers/job-reports", "{\"employer\":\"某商店\"}").status()).isEqualTo(201);
        jdbc.sql("update job_report set reported_at = reported_at - interval '32 days' where id_number = ?")
                .param(late).update();

        var overdue = api.get(floatingAdmin, "/api/transfers/orgs/" + floating + "/to-move-out?overdueOnly=true").json();
        assertThat(overdue.findValues("idNumber").stream().map(n -> n.asString()).toList()).containsExactly(late);
        assertThat(overdue.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(overdue.get(0).path("employer").asString()).isEqualTo("某工厂");
        var all = api.get(floatingAdmin, "/api/transfers/orgs/" + floating + "/to-move-out").json();
        assertThat(all.findValues("idNumber").stream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder(late, recent);

        assertThat(api.get(siblingAdmin, "/api/transfers/orgs/" + floating + "/to-move-out").status()).isEqualTo(403);
        assertThat(api.get(recent, "/api/transfers/orgs/" + floating + "/to-move-out").status())
                .as("a member").isEqualTo(403);
        assertThat(api.get(committeeAdmin, "/api/transfers/orgs/" + branchA + "/to-move-out").code())
                .isEqualTo("NOT_A_FLOATING_BRANCH");
        assertThat(api.post(siblingAdmin, "/api/transfers/job-reports",
                "{\"idNumber\":\"" + late + "\",\"employer\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.post(recent, "/api/transfers/job-reports",
                "{\"idNumber\":\"" + late + "\",\"employer\":\"x\"}").status()).as("a member for someone else")
                .isEqualTo(404);
    }

    // ---- R-TR-12, R-GRAD-4 ----

    @Test
    @DisplayName("R-TR-12 a party member under 28 transfers like anyone: transfer-service asks nothing of political status")
    void partyMemberTransfers() {
        String partyMember = TestIdNumbers.fresh(); // member-service keeps the membership of party members under 28
        tree.member(partyMember, "党员一", branchA);
        Response started = api.post(companyAdmin, "/api/transfers/in", """
                {"name":"党员一","idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(partyMember, company));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(api.post(branchAAdmin, "/api/transfers/" + started.id() + "/approval", null).json()
                .path("currentStep").asString()).isEqualTo("BRANCH_ASSIGNMENT");
    }

    @Test
    @DisplayName("R-GRAD-4 a branch that became a graduate branch (BranchesGraduated on the org topic) keeps transferring")
    void graduateBranchKeepsTransferring() throws Exception {
        long graduating = tree.child(committee, "BRANCH", "某大学2027届团支部");
        String grad = TestIdNumbers.fresh();
        String classmate = TestIdNumbers.fresh();
        tree.member(grad, "毕四", graduating);
        tree.member(classmate, "毕五", graduating);
        kafka.send(Topics.ORG_EVENTS, String.valueOf(province), EventJson.write(EventEnvelope.wrap(
                new BranchesGraduated(2027, List.of(graduating)), String.valueOf(province), null, null,
                Instant.now()))).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"GRADUATE_BRANCH".equals(jdbc.sql("select type from org_replica.org where id = ?").param(graduating)
                .query(String.class).single()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select type from org_replica.org where id = ?").param(graduating).query(String.class)
                .single()).isEqualTo("GRADUATE_BRANCH");

        Response out = api.post(committeeAdmin, "/api/transfers/out", """
                {"idNumber":"%s","toOrgId":%d,"reason":"毕业就业"}""".formatted(grad, company));
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        Response moved = batch(committeeAdmin, branchB, List.of(classmate));
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(moved.json().get(0).path("fromBranchId").asLong()).isEqualTo(graduating);
    }

    private static EventEnvelope<tools.jackson.databind.JsonNode> envelope(Object event, String key, Instant at) {
        return EventJson.read(EventJson.write(EventEnvelope.wrap(event, key, null, null, at)));
    }
}
