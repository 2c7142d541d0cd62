package cn.league.orgreplica;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.AdminRevoked;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgEvents.SubtreeMoved;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;

import static cn.league.orgreplica.TestOrgs.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The replica converges to one state however often org-service's history is delivered. */
@SpringBootTest
class ReplayConvergenceTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgTree tree;

    final List<OrgEventsFeed.Sent> history = new ArrayList<>();
    OrgEventsFeed feed;

    @Test
    @DisplayName("A replay of the whole history, and the history applied to an emptied replica, give the same state")
    void convergesAfterReplay() {
        feed = new OrgEventsFeed(kafka, jdbc);
        emptyReplica();
        publishRealisticHistory();
        Map<String, List<Map<String, Object>>> state = replicaState();
        assertThat(state.get("org")).isNotEmpty();
        assertThat(state.get("org_admin")).isNotEmpty();

        history.forEach(feed::deliver);
        feed.awaitDrained(keys());
        assertThat(replicaState()).as("after a replay of the same envelopes").isEqualTo(state);

        emptyReplica();
        history.forEach(feed::deliver);
        feed.awaitApplied(history);
        assertThat(replicaState()).as("applied into an emptied replica").isEqualTo(state);
    }

    private void publishRealisticHistory() {
        OrgSnapshot root = TestOrgs.root(1);
        OrgSnapshot province = TestOrgs.province(44, root, "44");
        OrgSnapshot guangzhou = TestOrgs.leadingBody(4401, province, "共青团广州市委");
        OrgSnapshot shenzhen = TestOrgs.leadingBody(4403, province, "共青团深圳市委");
        OrgSnapshot tianhe = TestOrgs.leadingBody(440106, guangzhou, "共青团天河区委");
        OrgSnapshot university = TestOrgs.schoolCommittee(4401061, tianhe, "某大学团委");
        OrgSnapshot college = TestOrgs.child(44010611, university, OrgType.GENERAL_BRANCH, university.domain(),
                university.schoolLevel(), "计算机学院团总支", null);
        OrgSnapshot class1 = TestOrgs.schoolBranch(440106111, college, "2026级1班团支部", 2026);
        OrgSnapshot class2 = TestOrgs.schoolBranch(440106112, college, "2026级2班团支部", 2026);
        OrgSnapshot park = TestOrgs.enterpriseBranch(44030001, shenzhen, "南山科技园学社衔接临时团支部");
        for (OrgSnapshot org : List.of(root, province, guangzhou, shenzhen, tianhe, university, college, class1,
                class2, park)) {
            record(keyOf(org), new OrgCreated(org));
        }
        record(keyOf(university), new OrgChanged(TestOrgs.renamed(university, "某理工大学团委")));
        record(keyOf(province), new AdminGranted(province.id(), "44010619800101001x"));
        record(keyOf(guangzhou), new AdminGranted(guangzhou.id(), "440106198501010022"));
        record(keyOf(tianhe), new AdminGranted(tianhe.id(), "440106198601010033"));
        record(keyOf(university), new AdminGranted(university.id(), "440106199001010044"));
        record(keyOf(park), new AdminGranted(park.id(), "440305199201010055"));

        // R-ORG-7: the university moves from its district straight under the city, children and all
        String newPath = guangzhou.path() + "." + university.id();
        record(keyOf(university), new SubtreeMoved(university.id(), guangzhou.id(), university.path(), newPath));
        OrgSnapshot movedClass2 = TestOrgs.movedUnder(class2, TestOrgs.movedUnder(college,
                TestOrgs.movedUnder(university, guangzhou)));
        record(keyOf(class2), new OrgChanged(TestOrgs.renamed(movedClass2, "2026级软件工程2班团支部")));

        record(keyOf(tianhe), new AdminRevoked(tianhe.id(), "440106198601010033"));
        record(keyOf(park), new OrgDeleted(park.id(), park.path(), null));
        record(keyOf(class1), new BranchesGraduated(2026, List.of(class1.id(), class2.id())));

        feed.awaitApplied(history);

        assertThat(tree.find(class1.id()).orElseThrow().path()).isEqualTo(newPath + "." + college.id() + "." + class1.id());
        assertThat(tree.find(class2.id()).orElseThrow().type()).isEqualTo(OrgType.GRADUATE_BRANCH);
        assertThat(tree.find(park.id())).isEmpty();
        assertThat(tree.mayActOn("440106198501010022", class1.id())).isTrue();
        assertThat(tree.mayActOn("440106198601010033", class1.id())).isFalse();
    }

    private void record(String key, Object event) {
        history.add(feed.publish(key, event));
    }

    private Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        history.forEach(sent -> keys.add(sent.key()));
        return keys;
    }

    private void emptyReplica() {
        jdbc.sql("truncate org_replica.org, org_replica.org_admin").update();
        jdbc.sql("delete from platform.consumed_event where consumer = ?").param(OrgEventsListener.CONSUMER).update();
    }

    private Map<String, List<Map<String, Object>>> replicaState() {
        return Map.of(
                "org", jdbc.sql("select * from org_replica.org order by id").query().listOfRows(),
                "org_admin", jdbc.sql("select * from org_replica.org_admin order by org_id, id_number")
                        .query().listOfRows());
    }
}
