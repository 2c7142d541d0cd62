package cn.league.orgreplica;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.EventType;
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

/** Each org event's effect on the replica, through the real topic and the real listener. */
@SpringBootTest
class OrgEventsListenerTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgTree tree;

    OrgEventsFeed feed;

    final OrgSnapshot root = TestOrgs.root(1);
    final OrgSnapshot province = TestOrgs.province(31, root, "31");
    final OrgSnapshot city = TestOrgs.leadingBody(3101, province, "共青团某市委");
    final OrgSnapshot otherCity = TestOrgs.leadingBody(3102, province, "共青团另一市委");
    final OrgSnapshot school = TestOrgs.schoolCommittee(310101, city, "某大学团委");
    final OrgSnapshot branch = TestOrgs.schoolBranch(31010101, school, "2026级1班团支部", 2026);
    final OrgSnapshot otherBranch = TestOrgs.schoolBranch(31010102, school, "2026级2班团支部", 2026);

    @BeforeEach
    void createTree() {
        feed = new OrgEventsFeed(kafka, jdbc);
        for (OrgSnapshot org : List.of(root, province, city, otherCity, school, branch, otherBranch)) {
            feed.apply(keyOf(org), new OrgCreated(org));
        }
    }

    @Test
    @DisplayName("OrgCreated adds the org as org-service sent it")
    void orgCreated() {
        assertThat(tree.find(branch.id())).contains(branch);
        assertThat(tree.find(root.id())).contains(root);
    }

    @Test
    @DisplayName("OrgChanged replaces the org's info")
    void orgChanged() {
        OrgSnapshot renamed = TestOrgs.renamed(school, "某理工大学团委");

        feed.apply(keyOf(school), new OrgChanged(renamed));

        assertThat(tree.find(school.id())).contains(renamed);
    }

    @Test
    @DisplayName("R-ORG-2 OrgDeleted removes the org and its admins")
    void orgDeleted() {
        OrgSnapshot leaf = TestOrgs.enterpriseBranch(31020001, otherCity, "某园区学社衔接临时团支部");
        feed.apply(keyOf(leaf), new OrgCreated(leaf));
        feed.apply(keyOf(leaf), new AdminGranted(leaf.id(), "310101199001011234"));

        feed.apply(keyOf(leaf), new OrgDeleted(leaf.id(), leaf.path(), null));

        assertThat(tree.find(leaf.id())).isEmpty();
        assertThat(tree.administeredBy("310101199001011234")).doesNotContain(leaf.id());
        assertThat(jdbc.sql("select count(*) from org_replica.org_admin where org_id = ?").param(leaf.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("R-ORG-7 SubtreeMoved carries the moved org's children and grandchildren to the new path")
    void subtreeMoved() {
        OrgSnapshot movingSchool = TestOrgs.schoolCommittee(310102, city, "某学院团委");
        OrgSnapshot department = TestOrgs.child(3101021, movingSchool, OrgType.GENERAL_BRANCH,
                movingSchool.domain(), movingSchool.schoolLevel(), "某系团总支", null);
        OrgSnapshot grandchild = TestOrgs.schoolBranch(31010211, department, "某班团支部", 2027);
        for (OrgSnapshot org : List.of(movingSchool, department, grandchild)) {
            feed.apply(keyOf(org), new OrgCreated(org));
        }
        String newPath = otherCity.path() + "." + movingSchool.id();

        feed.apply(keyOf(movingSchool), new SubtreeMoved(movingSchool.id(), otherCity.id(), movingSchool.path(), newPath));

        assertThat(tree.find(movingSchool.id()).orElseThrow())
                .isEqualTo(TestOrgs.movedUnder(movingSchool, otherCity));
        assertThat(tree.find(department.id()).orElseThrow().path()).isEqualTo(newPath + "." + department.id());
        assertThat(tree.find(department.id()).orElseThrow().parentId()).isEqualTo(movingSchool.id());
        assertThat(tree.find(grandchild.id()).orElseThrow().path())
                .isEqualTo(newPath + "." + department.id() + "." + grandchild.id());
        assertThat(tree.isWithin(grandchild.id(), otherCity.id())).isTrue();
        assertThat(tree.isWithin(grandchild.id(), city.id())).isFalse();
        assertThat(tree.find(school.id())).as("a sibling with a path prefix in common stays").contains(school);
    }

    @Test
    @DisplayName("R-ORG-7 SubtreeMoved matches whole path segments: an org whose id merely shares the digits stays")
    void subtreeMovedMatchesWholePathSegments() {
        OrgSnapshot moving = TestOrgs.leadingBody(31011, province, "要迁移的区委");
        OrgSnapshot movingChild = TestOrgs.leadingBody(310110, moving, "其下属团委");
        OrgSnapshot samePrefix = TestOrgs.leadingBody(3101100, province, "路径前缀相同的区委");
        for (OrgSnapshot org : List.of(moving, movingChild, samePrefix)) {
            feed.apply(keyOf(org), new OrgCreated(org));
        }

        feed.apply(keyOf(moving), new SubtreeMoved(moving.id(), city.id(), moving.path(),
                city.path() + "." + moving.id()));

        assertThat(tree.find(samePrefix.id())).contains(samePrefix);
        assertThat(tree.find(movingChild.id()).orElseThrow().path())
                .isEqualTo(city.path() + "." + moving.id() + "." + movingChild.id());
    }

    @Test
    @DisplayName("R-ADM-3 AdminGranted and R-ADM-6 AdminRevoked add and remove an admin")
    void adminGrantedAndRevoked() {
        feed.apply(keyOf(school), new AdminGranted(school.id(), "31010119900101123x"));
        assertThat(tree.administeredBy("31010119900101123X")).contains(school.id());

        feed.apply(keyOf(school), new AdminRevoked(school.id(), "31010119900101123X"));
        assertThat(tree.administeredBy("31010119900101123x")).doesNotContain(school.id());
    }

    @Test
    @DisplayName("R-GRAD-3 BranchesGraduated turns the listed branches into graduate branches")
    void branchesGraduated() {
        feed.apply(keyOf(branch), new BranchesGraduated(2026, List.of(branch.id(), otherBranch.id())));

        assertThat(tree.find(branch.id()).orElseThrow().type()).isEqualTo(OrgType.GRADUATE_BRANCH);
        assertThat(tree.find(otherBranch.id()).orElseThrow().type()).isEqualTo(OrgType.GRADUATE_BRANCH);
        assertThat(tree.find(school.id()).orElseThrow().type()).isEqualTo(OrgType.COMMITTEE);
    }

    @Test
    @DisplayName("A duplicate delivery is applied once: a redelivered grant does not undo a later revoke")
    void duplicateDeliveryAppliedOnce() {
        String person = "310101199505051111";
        OrgEventsFeed.Sent granted = feed.apply(keyOf(city), new AdminGranted(city.id(), person));
        feed.apply(keyOf(city), new AdminRevoked(city.id(), person));

        feed.deliver(granted);
        feed.awaitDrained(Set.of(keyOf(city)));

        assertThat(tree.mayActOn(person, city.id())).isFalse();
        assertThat(tree.administeredBy(person)).isEmpty();
    }

    @EventType("OrgRenumbered.v9")
    record OrgRenumbered(long orgId) {
    }

    @Test
    @DisplayName("An unknown event type is skipped and the events after it still apply")
    void unknownTypeSkipped() {
        OrgEventsFeed.Sent unknown = feed.publish(keyOf(city), new OrgRenumbered(city.id()));
        OrgEventsFeed.Sent after = feed.apply(keyOf(city), new OrgChanged(TestOrgs.renamed(city, "改名后的市委")));

        assertThat(feed.wasApplied(after)).isTrue();
        assertThat(feed.wasApplied(unknown)).isFalse();
        assertThat(tree.find(city.id()).orElseThrow().fullName()).isEqualTo("改名后的市委");
    }
}
