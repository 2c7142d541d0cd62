package cn.league.member.profile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.identity.IdentityEvents.IdentityVerified;
import cn.league.contracts.member.IdNumberCheckCharacter;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileApiTest {

    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String COMMITTEE_ADMIN = "440306199808085674";
    static final String BRANCH_ADMIN = "11010119950315123X";
    static final String SIBLING_ADMIN = "110101198507070012";
    static final AtomicInteger SEQUENCE = new AtomicInteger(100);
    static final AtomicInteger DEVELOPMENT_NUMBERS = new AtomicInteger(1);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

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

    static String newId() {
        return IdNumberCheckCharacter.complete("11010120010203" + SEQUENCE.incrementAndGet());
    }

    static String newDevelopmentNumber() {
        return "2019" + "11" + "%06d".formatted(DEVELOPMENT_NUMBERS.incrementAndGet() + 500_000);
    }

    /** A member of the branch, entered by the province's admin, complete unless the JSON says otherwise. */
    String member(long into, String idNumber, String name, String extra) {
        var entered = api.post(PROVINCE_ADMIN, "/api/members/orgs/" + into + "/members", """
                {"idNumber":"%s","name":"%s","ethnicity":"汉族","politicalStatus":"共青团员","education":"本科",
                 "joinDate":"2016-05-04","mobile":"13800000000"%s}""".formatted(idNumber, name, extra));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        return idNumber;
    }

    String member(String idNumber, String name) {
        return member(branch, idNumber, name, "");
    }

    String cadre(String idNumber, String name, String json) {
        var entered = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/cadres",
                "{\"idNumber\":\"%s\",\"name\":\"%s\",\"postTitle\":\"书记\",%s}".formatted(idNumber, name, json));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        return idNumber;
    }

    static String edit(String mobile) {
        return """
                {"ethnicity":"汉族","politicalStatus":"共青团员","education":"硕士研究生","joinDate":"2016-05-04",
                 "mobile":%s,"email":"a@example.cn","address":"北京市东城区","emergencyContact":"张父",
                 "emergencyPhone":"13900000000"}""".formatted(mobile == null ? "null" : "\"" + mobile + "\"");
    }

    static String editIdentity(String idNumber, String name) {
        return """
                {"idNumber":"%s","name":"%s","ethnicity":"汉族","politicalStatus":"共青团员","education":"本科",
                 "joinDate":"2016-05-04","mobile":"13800000000"}""".formatted(idNumber, name);
    }

    @Test
    @DisplayName("R-ID-1 the identity check's verdicts show as 校验通过 / 校验不通过 on the profile and in search; UNVERIFIED blocks nothing")
    void identityCheckStatus() {
        String passed = member(newId(), "周正");
        String failed = member(newId(), "吴错");
        var unverified = api.get(PROVINCE_ADMIN, "/api/members/people/" + passed).json();
        assertThat(unverified.path("verificationLabel").asString()).isEqualTo("未校验");

        Instant checkedAt = Instant.now();
        publish(passed, new IdentityVerified(passed, "周正", branch, checkedAt));
        publish(failed, new IdentityVerificationFailed(failed, "吴错", branch, "不一致", checkedAt));
        publish(failed, new IdentityVerified(failed, "吴某", branch, checkedAt)); // R-ID-2: details it no longer has

        awaitVerification(passed, "PASSED");
        awaitVerification(failed, "FAILED");
        var profile = api.get(PROVINCE_ADMIN, "/api/members/people/" + failed).json();
        assertThat(profile.path("verificationLabel").asString()).isEqualTo("校验不通过");
        assertThat(profile.path("verificationReason").asString()).isEqualTo("不一致");
        var hits = api.get(PROVINCE_ADMIN, "/api/members/search?idNumber=" + passed).json().path("items");
        assertThat(hits.get(0).path("verification").asString()).isEqualTo("PASSED");
        assertThat(hits.get(0).path("verificationLabel").asString()).isEqualTo("校验通过");
        assertThat(api.get(PROVINCE_ADMIN, "/api/members/orgs/" + branch + "/people?size=500").body())
                .contains("{\"idNumber\":\"" + failed + "\",\"name\":\"吴错\",\"politicalStatus\":\"共青团员\","
                        + "\"member\":true,\"titles\":\"\",\"verification\":\"FAILED\","
                        + "\"verificationLabel\":\"校验不通过\"}");
    }

    private void publish(String idNumber, Object event) {
        kafka.send(Topics.IDENTITY_EVENTS, idNumber,
                EventJson.write(EventEnvelope.wrap(event, idNumber, null, null, Instant.now()))).join();
    }

    private void awaitVerification(String idNumber, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status.equals(jdbc.sql("select verification from person where id_number = ?").param(idNumber)
                .query(String.class).single())) {
            assertThat(System.nanoTime()).as(idNumber + " " + status).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("R-SCOPE-3 a person reads their own profile with membership, posts, verification and completeness")
    void ownProfile() {
        String me = member(newId(), "张三");

        var mine = api.get(me, "/api/members/me/profile");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        var profile = mine.json();
        assertThat(profile.path("idNumber").asString()).isEqualTo(me);
        assertThat(profile.path("gender").asString()).isEqualTo(Integer.parseInt(me.substring(16, 17)) % 2 == 1
                ? "MALE" : "FEMALE");
        assertThat(profile.path("membership").path("branchId").asLong()).isEqualTo(branch);
        assertThat(profile.path("membership").path("branchName").asString()).isEqualTo("某公司一支部");
        assertThat(profile.path("verification").asString()).isEqualTo("UNVERIFIED");
        assertThat(profile.path("complete").asBoolean()).as("R-MEM-6 complete while unverified").isTrue();
        assertThat(profile.path("missing")).isEmpty();
        assertThat(api.get(me, "/api/members/people/" + me.toLowerCase()).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-SCOPE-3 a member sees only themself: another member, present or not, gets the same refusal")
    void memberSeesOnlyThemself() {
        String me = member(newId(), "张三");
        String other = member(newId(), "李四");

        var existing = api.get(me, "/api/members/people/" + other);
        var absent = api.get(me, "/api/members/people/" + newId());

        assertThat(existing.status()).isEqualTo(404);
        assertThat(existing.refusal()).isEqualTo(absent.refusal());
        assertThat(existing.code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(api.put(me, "/api/members/people/" + other, edit("13811111111")).status()).isEqualTo(404);
        assertThat(api.put(me, "/api/members/people/" + other + "/development-number",
                "{\"developmentNumber\":null}").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-SCOPE-1 admins of the person's org and above read the profile; a sibling's or a child's admin does not")
    void adminsRead() {
        String member = member(newId(), "王五");
        String cadre = cadre(newId(), "赵六", "\"politicalStatus\":\"中共党员\"");

        for (String admin : new String[] {BRANCH_ADMIN, COMMITTEE_ADMIN, PROVINCE_ADMIN}) {
            assertThat(api.get(admin, "/api/members/people/" + member).status()).as(admin).isEqualTo(200);
        }
        assertThat(api.get(COMMITTEE_ADMIN, "/api/members/people/" + cadre).json().path("posts").get(0)
                .path("title").asString()).isEqualTo("书记");
        var sibling = api.get(SIBLING_ADMIN, "/api/members/people/" + member);
        var absent = api.get(SIBLING_ADMIN, "/api/members/people/" + newId());
        assertThat(sibling.status()).isEqualTo(404);
        assertThat(sibling.body()).isEqualTo(absent.body().replace(absent.json().path("instance").asString(),
                sibling.json().path("instance").asString()));
        assertThat(api.get(BRANCH_ADMIN, "/api/members/people/" + cadre).status())
                .as("a child branch's admin over the committee's cadre").isEqualTo(404);
    }

    @Test
    @DisplayName("R-SCOPE-3 R-STAT-1 a person edits their own contact details; ProfileChanged.v1 says whether they have a mobile and whether the info is complete")
    void selfEdit() {
        String me = member(newId(), "孙七");

        var edited = api.put(me, "/api/members/people/" + me, edit(null));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("education").asString()).isEqualTo("硕士研究生");
        assertThat(edited.json().path("emergencyContact").asString()).isEqualTo("张父");
        assertThat(edited.json().path("complete").asBoolean()).isFalse();
        assertThat(edited.json().path("missing").get(0).asString()).isEqualTo("手机号码");
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            String fragment = "\"idNumber\":\"%s\",\"name\":\"孙七\",\"hasMobile\":false".formatted(me);
            var record = reader.readUntilContains(fragment, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.value().contains(fragment)).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(me);
            ProfileChanged changed = EventJson.dataAs(EventJson.read(record.value()), ProfileChanged.class);
            assertThat(changed.hasMobile()).isFalse();
            assertThat(changed.complete()).as("without a mobile the info is incomplete (R-MEM-6)").isFalse();
        }
    }

    @Test
    @DisplayName("R-MEM-7 admins of the person's own org and of its direct parent edit; higher, sibling and child admins do not")
    void whoEdits() {
        String member = member(newId(), "周八");
        String cadre = cadre(newId(), "吴九", "\"politicalStatus\":\"中共党员\"");

        assertThat(api.put(BRANCH_ADMIN, "/api/members/people/" + member, edit("13822222222")).status()).isEqualTo(200);
        assertThat(api.put(COMMITTEE_ADMIN, "/api/members/people/" + member, edit("13833333333")).status())
                .isEqualTo(200);
        assertThat(api.put(PROVINCE_ADMIN, "/api/members/people/" + member, edit("13844444444")).status())
                .as("FAQ 25: own org or direct parent only").isEqualTo(403);
        assertThat(api.put(SIBLING_ADMIN, "/api/members/people/" + member, edit("13855555555")).status())
                .as("outside the subtree: as if not there").isEqualTo(404);
        assertThat(api.put(BRANCH_ADMIN, "/api/members/people/" + cadre, edit("13866666666")).status())
                .as("a child branch's admin over the committee's cadre").isEqualTo(404);
        assertThat(api.put(PROVINCE_ADMIN, "/api/members/people/" + cadre, edit("13877777777")).status())
                .as("the committee's direct parent").isEqualTo(200);
        assertThat(jdbc.sql("select mobile from person where id_number = ?").param(member).query(String.class)
                .single()).isEqualTo("13833333333");
    }

    @Test
    @DisplayName("R-ID-2 the person may not change their own name or ID number")
    void selfIdentityRefused() {
        String me = member(newId(), "郑十");

        var renamed = api.put(me, "/api/members/people/" + me, editIdentity(me, "郑拾"));
        var renumbered = api.put(me, "/api/members/people/" + me, editIdentity(newId(), "郑十"));

        for (var refused : new MemberApi.Response[] {renamed, renumbered}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("IDENTITY_CHANGE_BY_ADMIN_ONLY");
            assertThat(refused.rule()).isEqualTo("R-ID-2");
        }
        assertThat(api.put(me, "/api/members/people/" + me, editIdentity(me, "郑十")).status())
                .as("the same name and number are no change").isEqualTo(200);
    }

    @Test
    @DisplayName("R-ID-2 an admin's new ID number rewrites person, membership and posts in one go and resets verification")
    void idChangeRewritesEverything() {
        String old = member(newId(), "钱一");
        jdbc.sql("insert into post (id_number, org_id, title, org_path, name) select ?, id, '组织委员', path, '钱一' "
                + "from org_replica.org where id = ?").params(old, committee).update();
        jdbc.sql("update person set verification = 'PASSED' where id_number = ?").param(old).update();
        String corrected = newId();

        var changed = api.put(COMMITTEE_ADMIN, "/api/members/people/" + old, editIdentity(corrected, "钱一"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("idNumber").asString()).isEqualTo(corrected);
        assertThat(changed.json().path("verification").asString()).isEqualTo("UNVERIFIED");
        for (String table : new String[] {"person", "membership", "post"}) {
            assertThat(count(table, old)).as(table + " rows under the old number").isZero();
            assertThat(count(table, corrected)).as(table + " rows under the new number").isEqualTo(1);
        }
        assertThat(api.get(BRANCH_ADMIN, "/api/members/people/" + corrected).json().path("posts").get(0)
                .path("title").asString()).isEqualTo("组织委员");
        assertThat(api.get(corrected, "/api/members/me/profile").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-ID-2 R-SRCH-1 after an admin corrects a name, a name search in the subtree finds the member and the "
            + "cadre by the new name and no longer by the old one")
    void correctedNameIsSearched() {
        String member = member(newId(), "褚旧名");
        String cadre = cadre(newId(), "褚旧名", "\"politicalStatus\":\"中共党员\"");

        for (String person : List.of(member, cadre)) {
            var changed = api.put(COMMITTEE_ADMIN, "/api/members/people/" + person, editIdentity(person, "褚新名"));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }

        assertThat(searchedIdNumbers("褚新名")).containsExactlyInAnyOrder(member, cadre);
        assertThat(searchedIdNumbers("褚旧名")).isEmpty();
    }

    private List<String> searchedIdNumbers(String name) {
        var found = api.get(COMMITTEE_ADMIN, "/api/members/search?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<String> idNumbers = new ArrayList<>();
        found.json().path("items").forEach(item -> idNumbers.add(item.path("idNumber").asString()));
        return idNumbers;
    }

    @Test
    @DisplayName("R-ID-2 a name or ID change publishes IdentityDetailsChanged.v1 saying verification is UNVERIFIED again")
    void verificationResetEvent() {
        String old = member(newId(), "冯二");
        jdbc.sql("update person set verification = 'FAILED' where id_number = ?").param(old).update();
        String corrected = newId();

        assertThat(api.put(BRANCH_ADMIN, "/api/members/people/" + old, editIdentity(corrected, "冯贰")).status())
                .isEqualTo(200);

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            String fragment = "\"previousIdNumber\":\"" + old + "\"";
            var record = reader.readUntilContains(fragment, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.value().contains(fragment)).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(corrected);
            var event = EventJson.dataAs(EventJson.read(record.value()), IdentityDetailsChanged.class);
            assertThat(event).isEqualTo(new IdentityDetailsChanged(corrected, old, "冯贰", "冯二", "UNVERIFIED"));
        }

        String renamedOnly = member(newId(), "陈三");
        jdbc.sql("update person set verification = 'PASSED' where id_number = ?").param(renamedOnly).update();
        var renamed = api.put(BRANCH_ADMIN, "/api/members/people/" + renamedOnly, editIdentity(renamedOnly, "陈叁"));
        assertThat(renamed.json().path("verification").asString()).isEqualTo("UNVERIFIED");
        assertThat(renamed.json().path("name").asString()).isEqualTo("陈叁");
        String untouched = member(newId(), "褚四");
        jdbc.sql("update person set verification = 'PASSED' where id_number = ?").param(untouched).update();
        assertThat(api.put(BRANCH_ADMIN, "/api/members/people/" + untouched, edit("13800000001")).json()
                .path("verification").asString()).as("contact edits keep the check").isEqualTo("PASSED");
    }

    @Test
    @DisplayName("R-AUTH-5 and R-ID-4 a new ID number must be valid and not registered; the refusal names no org")
    void idChangeRefused() {
        String person = member(newId(), "卫五");
        String elsewhere = member(siblingBranch, newId(), "蒋六", "");

        var taken = api.put(COMMITTEE_ADMIN, "/api/members/people/" + person, editIdentity(elsewhere, "卫五"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("ID_ALREADY_REGISTERED");
        assertThat(taken.json().path("detail").asString()).isEqualTo("身份证已注册");
        assertThat(taken.body()).doesNotContain("某村").doesNotContain("某镇").doesNotContain(String.valueOf(siblingBranch));

        String badCheckDigit = person.substring(0, 17) + (person.charAt(17) == '1' ? '2' : '1');
        var invalid = api.put(COMMITTEE_ADMIN, "/api/members/people/" + person, editIdentity(badCheckDigit, "卫五"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.rule()).isEqualTo("R-ID-4");
        assertThat(count("person", person)).isEqualTo(1);
    }

    @Test
    @DisplayName("R-MEM-7 the person and the admins of their org or its parent correct the development number; 编号被占用 when taken")
    void developmentNumberCorrection() {
        String me = member(newId(), "沈七");
        String other = member(newId(), "韩八");
        jdbc.sql("update person set join_date = '2019-05-04' where id_number in (?, ?)").params(me, other).update();
        String mine = newDevelopmentNumber();
        String theirs = newDevelopmentNumber();

        var own = api.put(me, "/api/members/people/" + me + "/development-number",
                "{\"developmentNumber\":\"" + mine + "\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("developmentNumber").asString()).isEqualTo(mine);
        assertThat(api.put(COMMITTEE_ADMIN, "/api/members/people/" + other + "/development-number",
                "{\"developmentNumber\":\"" + theirs + "\"}").status()).isEqualTo(200);

        var taken = api.put(BRANCH_ADMIN, "/api/members/people/" + other + "/development-number",
                "{\"developmentNumber\":\"" + mine + "\"}");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.code()).isEqualTo("DEVELOPMENT_NUMBER_TAKEN");
        assertThat(taken.json().path("detail").asString()).startsWith("发展团员编号被占用");

        var wrongYear = api.put(me, "/api/members/people/" + me + "/development-number",
                "{\"developmentNumber\":\"201811000001\"}");
        assertThat(wrongYear.status()).isEqualTo(422);
        assertThat(wrongYear.rule()).isEqualTo("R-MEM-5");
        var cleared = api.put(me, "/api/members/people/" + me + "/development-number", "{\"developmentNumber\":\"\"}");
        assertThat(cleared.code()).as("required for a 2019 join").isEqualTo("DEVELOPMENT_NUMBER_MISSING");

        assertThat(api.put(SIBLING_ADMIN, "/api/members/people/" + me + "/development-number",
                "{\"developmentNumber\":\"" + newDevelopmentNumber() + "\"}").status()).isEqualTo(404);
        assertThat(api.put(PROVINCE_ADMIN, "/api/members/people/" + me + "/development-number",
                "{\"developmentNumber\":\"" + newDevelopmentNumber() + "\"}").status()).isEqualTo(403);
        assertThat(jdbc.sql("select development_number from person where id_number = ?").param(me)
                .query(String.class).single()).isEqualTo(mine);
    }

    @Test
    @DisplayName("R-STAT-3 a branch lists its members with incomplete info and what each lacks, page by page")
    void incompleteMembers() {
        member(newId(), "完整");
        String noMobile = member(branch, newId(), "缺手机", ",\"mobile\":null");
        String noEducation = member(branch, newId(), "缺学历", ",\"education\":null,\"ethnicity\":null");
        String noNumber = member(newId(), "缺编号");
        jdbc.sql("update person set join_date = '2018-03-01' where id_number = ?").param(noNumber).update();

        var all = api.get(BRANCH_ADMIN, "/api/members/orgs/" + branch + "/incomplete-people");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        var items = all.json().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("idNumber").asString()).isEqualTo(noMobile);
        assertThat(items.get(0).path("missing").get(0).asString()).isEqualTo("手机号码");
        assertThat(items.get(1).path("idNumber").asString()).isEqualTo(noEducation);
        assertThat(items.get(1).path("missing").toString()).isEqualTo("[\"民族\",\"学历\"]");
        assertThat(items.get(2).path("missing").toString()).isEqualTo("[\"发展团员编号\"]");
        assertThat(all.json().path("nextAfter").isNull()).isTrue();

        var first = api.get(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/incomplete-people?size=2").json();
        assertThat(first.path("items")).hasSize(2);
        var second = api.get(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/incomplete-people?size=2&after="
                + first.path("nextAfter").asString()).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("idNumber").asString()).isEqualTo(noNumber);
    }

    @Test
    @DisplayName("R-STAT-3 a committee lists its cadres with incomplete info; members of its branches are not on it")
    void incompleteCadres() {
        member(branch, newId(), "支部团员", ",\"mobile\":null");
        String complete = cadre(newId(), "完整书记", """
                "ethnicity":"汉族","politicalStatus":"中共党员","education":"本科","joinDate":"2015-05-04",\
                "mobile":"13900000000\"""");
        String incomplete = cadre(newId(), "缺项书记", "\"politicalStatus\":\"中共党员\"");

        var list = api.get(COMMITTEE_ADMIN, "/api/members/orgs/" + committee + "/incomplete-people").json();

        assertThat(list.path("items")).hasSize(1);
        var entry = list.path("items").get(0);
        assertThat(entry.path("idNumber").asString()).isEqualTo(incomplete).isNotEqualTo(complete);
        assertThat(entry.path("cadre").asBoolean()).isTrue();
        assertThat(entry.path("posts").get(0).asString()).isEqualTo("书记");
        assertThat(entry.path("missing").toString()).isEqualTo("[\"民族\",\"学历\",\"入团时间\",\"手机号码\"]");
    }

    @Test
    @DisplayName("R-SCOPE-1 incomplete lists: a sibling subtree's admin and a child org's admin are refused")
    void incompleteListScope() {
        assertThat(api.get(SIBLING_ADMIN, "/api/members/orgs/" + branch + "/incomplete-people").status())
                .isEqualTo(403);
        assertThat(api.get(BRANCH_ADMIN, "/api/members/orgs/" + committee + "/incomplete-people").status())
                .isEqualTo(403);
        assertThat(api.get(PROVINCE_ADMIN, "/api/members/orgs/" + branch + "/incomplete-people").status())
                .isEqualTo(200);
    }

    private int count(String table, String idNumber) {
        return jdbc.sql("select count(*) from " + table + " where id_number = ?").param(idNumber)
                .query(Integer.class).single();
    }
}
