package cn.league.org.info;

import java.time.Duration;
import java.time.Instant;
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
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.contracts.org.OrgEvents.SecretaryAppointed;
import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.test.TopicReader;

import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.ORG_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgStatusApiTest {

    private static final String SECRETARY = "110101199205050015";
    private static final String NEXT_SECRETARY = "110101199306060026";
    private static final String COMMITTEE_ADMIN = "110101197707070077";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    OrgApi api;
    long district;
    long branch;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        district = api.createDistrict("团门头沟区委", DISTRICT_ADMIN);
        long committee = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "RURAL", "某镇团委");
        api.makeAdmin(COMMITTEE_ADMIN, committee);
        branch = api.createChild(DISTRICT_ADMIN, committee, "BRANCH", "RURAL", "某村团支部");
        api.makeAdmin(ORG_ADMIN, branch);
        api.createDistrict("团房山区委", SIBLING_DISTRICT_ADMIN);
    }

    @Test
    @DisplayName("R-ORG-5 R-ORG-6 completeness follows the info, the secretary's registration and their own mobile")
    void completenessFollowsTheSecretary() throws Exception {
        var fresh = api.get(ORG_ADMIN, "/api/orgs/" + branch + "/status").json();
        assertThat(fresh.path("complete").asBoolean()).isFalse();
        assertThat(fresh.path("missing").toString()).contains("联系电话").contains("书记");

        api.put(ORG_ADMIN, "/api/orgs/" + branch, """
                {"type":"BRANCH","domain":"RURAL","fullName":"某村团支部","shortName":"某村团支部",
                 "contactPerson":"张三","contactPhone":"010-88888888","baseline2017":5}""");
        assertThat(api.put(ORG_ADMIN, "/api/orgs/" + branch + "/secretary",
                "{\"idNumber\":\"" + SECRETARY + "\",\"name\":\"赵六\"}").status()).isEqualTo(200);
        assertThat(api.get(ORG_ADMIN, "/api/orgs/" + branch + "/status").json().path("missing").toString())
                .contains("书记尚未完成注册");

        publish(new ProfileChanged(SECRETARY, "赵六", false), SECRETARY);
        awaitMissing("书记个人资料中的手机号码");
        publish(new ProfileChanged(SECRETARY, "赵六", true), SECRETARY);
        awaitMissing(null);
        assertThat(api.get(ORG_ADMIN, "/api/orgs/" + branch + "/status").json().path("complete").asBoolean())
                .isTrue();
    }

    @Test
    @DisplayName("R-ORG-6 changing secretary: the old one's admin rights and 书记 post here end, the new one holds it")
    void changingSecretary() {
        api.put(COMMITTEE_ADMIN, "/api/orgs/" + branch + "/secretary", "{\"idNumber\":\"" + SECRETARY + "\",\"name\":\"赵六\"}");
        api.makeAdmin(SECRETARY, branch);

        var changed = api.put(COMMITTEE_ADMIN, "/api/orgs/" + branch + "/secretary",
                "{\"idNumber\":\"" + NEXT_SECRETARY + "\",\"name\":\"钱七\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("secretaryName").asString()).isEqualTo("钱七");
        assertThat(jdbc.sql("select count(*) from org_admin where org_id = ? and id_number = ?")
                .params(branch, SECRETARY).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select id_number from org_post where org_id = ? and title = '书记'").param(branch)
                .query(String.class).list()).containsExactly(NEXT_SECRETARY);
        try (TopicReader reader = OrgEvents.reader()) {
            var record = reader.readUntilContains(NEXT_SECRETARY, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.value().contains("SecretaryAppointed.v1") && r.value().contains(NEXT_SECRETARY))
                    .findFirst().orElseThrow();
            assertThat(EventJson.dataAs(EventJson.read(record.value()), SecretaryAppointed.class).previousIdNumber())
                    .isEqualTo(SECRETARY);
        }
    }

    @Test
    @DisplayName("R-ORG-9 a branch with fewer than 3 members is flagged to be dissolved or merged; members count "
            + "whether entered (one by one or imported: PersonEntered) or moved in")
    void smallBranch() throws Exception {
        publish(PersonEntered.member("110101200501010011", "孙一", true, branch), "110101200501010011");
        publish(new MembershipStarted("110101200502020022", branch), "110101200502020022");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (api.get(ORG_ADMIN, "/api/orgs/" + branch + "/status").json().path("members").asInt() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        var status = api.get(ORG_ADMIN, "/api/orgs/" + branch + "/status").json();
        assertThat(status.path("members").asInt()).isEqualTo(2);
        assertThat(status.path("toDissolveOrMerge").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("R-SCOPE-1 R-ORG-3 a sibling's or child's admin neither reads the status nor sets the secretary")
    void scope() {
        assertThat(api.put(DISTRICT_ADMIN, "/api/orgs/" + branch + "/secretary",
                "{\"idNumber\":\"" + SECRETARY + "\",\"name\":\"赵六\"}").status())
                .as("a grandparent's admin is not the direct parent's").isEqualTo(403);
        assertThat(api.get(SIBLING_DISTRICT_ADMIN, "/api/orgs/" + branch + "/status").status()).isEqualTo(403);
        assertThat(api.get(ORG_ADMIN, "/api/orgs/" + district + "/status").status()).isEqualTo(403);
        String secretary = "{\"idNumber\":\"" + SECRETARY + "\",\"name\":\"赵六\"}";
        assertThat(api.put(SIBLING_DISTRICT_ADMIN, "/api/orgs/" + branch + "/secretary", secretary).status())
                .isEqualTo(403);
        assertThat(api.put(ORG_ADMIN, "/api/orgs/" + district + "/secretary", secretary).status()).isEqualTo(403);
        assertThat(api.put(ORG_ADMIN, "/api/orgs/" + branch + "/secretary",
                "{\"idNumber\":\"12345\",\"name\":\"赵六\"}").status()).isEqualTo(400);
    }

    private void awaitMissing(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String missing = api.get(ORG_ADMIN, "/api/orgs/" + branch + "/status").json().path("missing").toString();
            if (expected == null ? missing.equals("[]") : missing.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never showed " + expected);
    }

    private void publish(Object event, String key) throws Exception {
        kafka.send(Topics.MEMBER_EVENTS, key, EventJson.write(EventEnvelope.wrap(event, key, null, null, Instant.now())))
                .get();
    }
}
