package cn.league.org.deletion;

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
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.test.TopicReader;

import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.ORG_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgDeletionApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    OrgApi api;
    long district;
    long committee;
    long branch;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        district = api.createDistrict("团平谷区委", DISTRICT_ADMIN);
        committee = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        api.makeAdmin(ORG_ADMIN, committee);
        branch = api.createChild(DISTRICT_ADMIN, committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司研发团支部");
        api.createDistrict("团延庆区委", SIBLING_DISTRICT_ADMIN);
    }

    @Test
    @DisplayName("R-ORG-2 a branch with people is deleted and its people wait in a new pending branch under the same parent")
    void branchWithPeople() throws Exception {
        List<String> members = List.of("110101200201010011", "110101200202020022", "110101200303030033");
        for (String member : members) {
            publish(new MembershipStarted(member, branch), member);
        }
        awaitMembers(branch, 3);

        var deleted = api.delete(ORG_ADMIN, "/api/orgs/" + branch);

        assertThat(deleted.status()).isEqualTo(200);
        long pending = deleted.json().path("peopleMovedTo").asLong();
        var pendingBranch = api.get(ORG_ADMIN, "/api/orgs/" + pending).json();
        assertThat(pendingBranch.path("type").asString()).isEqualTo("PENDING_BRANCH");
        assertThat(pendingBranch.path("parentId").asLong()).isEqualTo(committee);
        assertThat(pendingBranch.path("fullName").asString()).contains("某公司研发团支部");
        assertThat(countMembers(pending)).as("nobody is lost").isEqualTo(3);
        assertThat(api.get(ORG_ADMIN, "/api/orgs/" + branch).status()).isEqualTo(404);

        var pendingNotEmpty = api.delete(ORG_ADMIN, "/api/orgs/" + pending);
        assertThat(pendingNotEmpty.status()).isEqualTo(422);
        assertThat(pendingNotEmpty.code()).isEqualTo("PENDING_BRANCH_NOT_EMPTY");

        try (TopicReader reader = OrgEvents.reader()) {
            var record = reader.readUntilContains("\"peopleMovedTo\":" + pending, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.value().contains("OrgDeleted.v1") && r.value().contains("\"orgId\":" + branch))
                    .findFirst().orElseThrow();
            assertThat(EventJson.dataAs(EventJson.read(record.value()), OrgDeleted.class).peopleMovedTo())
                    .isEqualTo(pending);
        }
    }

    @Test
    @DisplayName("R-ORG-2 bottom-up: a committee with a branch is not deleted; an empty branch simply goes")
    void bottomUp() {
        var withChildren = api.delete(DISTRICT_ADMIN, "/api/orgs/" + committee);
        assertThat(withChildren.status()).isEqualTo(422);
        assertThat(withChildren.code()).isEqualTo("ORG_HAS_CHILDREN");

        var empty = api.delete(ORG_ADMIN, "/api/orgs/" + branch);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().path("peopleMovedTo").isNull()).isTrue();
        assertThat(api.delete(DISTRICT_ADMIN, "/api/orgs/" + committee).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-ORG-2 a committee whose cadres hold posts in it is not deleted")
    void committeeWithCadres() throws Exception {
        api.delete(ORG_ADMIN, "/api/orgs/" + branch);
        String cadre = "110101198801010044";
        publish(new PostsChanged(cadre, "王五", List.of(new Post(committee, "书记"))), cadre);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("select count(*) from org_post where org_id = ?").param(committee).query(Integer.class).single() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        var refused = api.delete(DISTRICT_ADMIN, "/api/orgs/" + committee);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("ORG_HAS_PEOPLE");
    }

    @Test
    @DisplayName("R-SCOPE-2 only the direct parent's admin deletes: the org's own, a grandparent's and a sibling's admin are refused")
    void directParentOnly() {
        for (String notParent : List.of(BEIJING_ADMIN, SIBLING_DISTRICT_ADMIN)) {
            var refused = api.delete(notParent, "/api/orgs/" + committee);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.rule()).isEqualTo("R-SCOPE-2");
        }
        var own = api.delete(ORG_ADMIN, "/api/orgs/" + committee);
        assertThat(own.status()).isEqualTo(403);
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/" + branch).status()).as("nothing was deleted").isEqualTo(200);
    }

    private void publish(Object event, String key) throws Exception {
        kafka.send(Topics.MEMBER_EVENTS, key,
                EventJson.write(EventEnvelope.wrap(event, key, null, null, Instant.now()))).get();
    }

    private int countMembers(long branchId) {
        return jdbc.sql("select count(*) from org_member where branch_id = ?").param(branchId).query(Integer.class).single();
    }

    private void awaitMembers(long branchId, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (countMembers(branchId) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(countMembers(branchId)).isEqualTo(expected);
    }
}
