package cn.league.member.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.org.OrgEvents.AdminRegistered;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgEvents.SecretaryAppointed;
import cn.league.contracts.org.OrgEvents.SubtreeMoved;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Org-service's and transfer-service's facts applied to people, each once. */
@SpringBootTest
class EventEffectsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgEffectsListener orgEvents;
    @Autowired
    TransferEventsListener transferEvents;
    @Autowired
    KafkaTemplate<String, String> kafka;

    TreeReplica tree;
    TestPeople people;
    long province;
    long committee;
    long branch;
    long otherBranch;

    @BeforeEach
    void tree() {
        tree = new TreeReplica(jdbc);
        people = new TestPeople(jdbc);
        province = tree.province("团测试省委", "11");
        committee = tree.child(province, "COMMITTEE", "SCHOOL", "某大学团委");
        branch = tree.child(committee, "BRANCH", "SCHOOL", "2027级一班团支部");
        otherBranch = tree.child(committee, "BRANCH", "SCHOOL", "2027级二班团支部");
    }

    /** The envelope as a consumer reads it off the topic. */
    static EventEnvelope<JsonNode> envelope(Object event, String key) {
        return EventJson.read(EventJson.write(EventEnvelope.wrap(event, key, null, null, Instant.now())));
    }

    String pathOf(long orgId) {
        return jdbc.sql("select path from org_replica.org where id = ?").param(orgId).query(String.class).single();
    }

    @Test
    @DisplayName("R-TR-2 an approved transfer moves the membership with the new branch's path and says MembershipMoved; "
            + "a replay changes nothing")
    void transferApproved() {
        String member = people.member(branch, LocalDate.of(2004, 2, 2), "共青团员");
        long transferId = System.nanoTime();
        var requested = envelope(new TransferRequested(transferId, member, branch, otherBranch), member);
        var approved = envelope(new TransferApproved(transferId, member, branch, otherBranch), member);
        assertThat(transferEvents.apply(requested)).isTrue();
        assertThat(transferEvents.apply(approved)).isTrue();

        assertThat(people.branchOf(member)).isEqualTo(otherBranch);
        assertThat(people.membershipPath(member)).isEqualTo(pathOf(otherBranch));
        assertThat(jdbc.sql("select count(*) from open_transfer where id_number = ?").param(member)
                .query(Integer.class).single()).isZero();

        jdbc.sql("update membership set branch_id = ?, org_path = ? where id_number = ?")
                .params(branch, pathOf(branch), member).update(); // so that a second effect would show
        assertThat(transferEvents.apply(approved)).isFalse();
        assertThat(transferEvents.apply(requested)).isFalse();
        assertThat(people.branchOf(member)).isEqualTo(branch);
        assertThat(jdbc.sql("select count(*) from open_transfer where id_number = ?").param(member)
                .query(Integer.class).single()).isZero();

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            var moved = reader.readUntilContains("\"idNumber\":\"" + member + "\",\"fromBranchId\"",
                            Duration.ofSeconds(20)).stream()
                    .filter(r -> r.key().equals(member) && r.value().contains("MembershipMoved.v1"))
                    .map(r -> EventJson.dataAs(EventJson.read(r.value()), MembershipMoved.class)).toList();
            assertThat(moved).containsExactly(new MembershipMoved(member, branch, otherBranch));
        }
    }

    @Test
    @DisplayName("R-MEM-8 a rejected, withdrawn or expired transfer is open no more; the membership stays where it was")
    void transferEnded() {
        for (var end : List.<LongFunction<Object>>of(
                id -> new TransferRejected(id, "", TransferStep.IN_SIDE_APPROVAL, "NEW", "转入组织选择错误"),
                id -> new TransferWithdrawn(id, "", "MEMBER"),
                id -> new TransferExpired(id, "", TransferStep.OUT_SIDE_APPROVAL))) {
            String member = people.member(branch, LocalDate.of(2004, 2, 5), "共青团员");
            long transferId = System.nanoTime();
            assertThat(transferEvents.apply(envelope(new TransferRequested(transferId, member, branch, otherBranch),
                    member))).isTrue();
            assertThat(transferEvents.apply(envelope(end.apply(transferId), member))).isTrue();
            assertThat(jdbc.sql("select count(*) from open_transfer where id_number = ?").param(member)
                    .query(Integer.class).single()).isZero();
            assertThat(people.branchOf(member)).isEqualTo(branch);
        }
    }

    @Test
    @DisplayName("R-TR-12 a party member under 28 keeps the membership and transfers: the approval moves it like anyone's")
    void partyMemberTransfers() {
        String partyMember = people.member(branch, LocalDate.now().minusYears(25), "中共党员");
        long transferId = System.nanoTime();
        assertThat(transferEvents.apply(envelope(new TransferRequested(transferId, partyMember, branch, otherBranch),
                partyMember))).isTrue();
        assertThat(transferEvents.apply(envelope(new TransferApproved(transferId, partyMember, branch, otherBranch),
                partyMember))).isTrue();
        assertThat(people.branchOf(partyMember)).isEqualTo(otherBranch);
    }

    @Test
    @DisplayName("R-TR-8 R-TR-9 a transfer to a special unit or a system outside ends the membership with a record "
            + "(never a deletion) and says MembershipEnded; a replay changes nothing")
    void transferredOut() {
        String soldier = people.member(branch, LocalDate.of(2004, 2, 3), "共青团员");
        String leaver = people.member(branch, LocalDate.of(2004, 2, 4), "中共党员");
        long special = System.nanoTime();
        long external = special + 1;
        assertThat(transferEvents.apply(envelope(new TransferRequested(special, soldier, branch, null,
                TransferKind.SPECIAL_UNIT, DestinationType.MILITARY), soldier))).isTrue();
        assertThat(jdbc.sql("select count(*) from open_transfer where id_number = ?").param(soldier)
                .query(Integer.class).single()).as("an open transfer with no target org").isOne();
        var toSpecialUnit = envelope(new TransferredOut(special, soldier, branch, TransferKind.SPECIAL_UNIT, null,
                "参军入伍"), soldier);
        var toBeijing = envelope(new TransferredOut(external, leaver.toLowerCase(), branch, TransferKind.EXTERNAL,
                ExternalSystem.BEIJING, "共青团北京市某公司委员会"), leaver);
        assertThat(transferEvents.apply(toSpecialUnit)).isTrue();
        assertThat(transferEvents.apply(toBeijing)).isTrue();

        assertThat(people.branchOf(soldier)).isNull();
        assertThat(people.branchOf(leaver)).isNull();
        assertThat(jdbc.sql("select count(*) from open_transfer where id_number = ?").param(soldier)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select reason from membership_end where id_number = ?").param(soldier)
                .query(String.class).list()).containsExactly("转往特殊单位");
        assertThat(jdbc.sql("select reason from membership_end where id_number = ?").param(leaver)
                .query(String.class).list()).containsExactly("转出至外部系统(北京:共青团北京市某公司委员会)");
        assertThat(jdbc.sql("select count(*) from person where id_number in (?, ?) and deleted_at is null")
                .params(soldier, leaver).query(Integer.class).single()).as("nobody deleted").isEqualTo(2);

        jdbc.sql("insert into membership (id_number, branch_id, org_path, name) select ?, ?, ?, name from person"
                        + " where id_number = ?")
                .params(soldier, branch, pathOf(branch), soldier).update(); // so that a second effect would show
        assertThat(transferEvents.apply(toSpecialUnit)).isFalse();
        assertThat(people.branchOf(soldier)).isEqualTo(branch);
        assertThat(jdbc.sql("select count(*) from membership_end where id_number = ?").param(soldier)
                .query(Integer.class).single()).isOne();

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            var ended = reader.readUntilContains("\"idNumber\":\"" + leaver + "\",\"branchId\"",
                            Duration.ofSeconds(20)).stream()
                    .filter(r -> r.key().equals(leaver) && r.value().contains("MembershipEnded.v1"))
                    .map(r -> EventJson.dataAs(EventJson.read(r.value()), MembershipEnded.class)).toList();
            assertThat(ended).containsExactly(new MembershipEnded(leaver, branch, "转出至外部系统(北京:共青团北京市某公司委员会)"));
        }
    }

    @Test
    @DisplayName("R-ORG-2 a deleted branch's people move to its pending branch (MembershipMoved each); its posts end; "
            + "a replay changes nothing")
    void branchDeleted() {
        String first = people.member(branch, LocalDate.of(2004, 3, 3), "共青团员");
        String second = people.member(branch, LocalDate.of(2004, 3, 4), "共青团员");
        String secretary = people.member(otherBranch, LocalDate.of(2000, 3, 5), "共青团员");
        people.post(secretary, branch, "书记");
        long pending = 900_000_000L + System.nanoTime() % 1_000_000;
        var deleted = envelope(new OrgDeleted(branch, pathOf(branch), pending), String.valueOf(province));

        assertThat(orgEvents.apply(deleted)).isTrue();

        String pendingPath = pathOf(committee) + "." + pending;
        assertThat(List.of(people.branchOf(first), people.branchOf(second))).containsOnly(pending);
        assertThat(people.membershipPath(first)).isEqualTo(pendingPath);
        assertThat(jdbc.sql("select count(*) from post where org_id = ?").param(branch).query(Integer.class).single())
                .isZero();

        String late = people.member(branch, LocalDate.of(2004, 3, 6), "共青团员");
        assertThat(orgEvents.apply(deleted)).isFalse();
        assertThat(people.branchOf(late)).isEqualTo(branch);
    }

    @Test
    @DisplayName("R-ORG-7 a moved subtree rewrites the org_path of memberships and posts below it; a replay changes nothing")
    void subtreeMoved() {
        String member = people.member(branch, LocalDate.of(2004, 4, 4), "共青团员");
        String cadre = people.person(LocalDate.of(1995, 4, 4), "中共党员");
        people.post(cadre, committee, "副书记");
        long newParent = tree.child(province, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团某区委");
        String oldPath = pathOf(committee);
        String newPath = pathOf(newParent) + "." + committee;
        var moved = envelope(new SubtreeMoved(committee, newParent, oldPath, newPath), String.valueOf(province));

        assertThat(orgEvents.apply(moved)).isTrue();
        assertThat(people.membershipPath(member)).isEqualTo(newPath + "." + branch);
        assertThat(jdbc.sql("select org_path from post where id_number = ?").param(cadre).query(String.class).single())
                .isEqualTo(newPath);

        assertThat(orgEvents.apply(moved)).isFalse();
        assertThat(people.membershipPath(member)).isEqualTo(newPath + "." + branch);
    }

    @Test
    @DisplayName("R-MEM-10 graduated branches flag their members as graduates, except delayed graduates and teachers")
    void graduates() {
        String student = people.member(branch, LocalDate.of(2005, 5, 5), "共青团员");
        String delayed = people.member(branch, LocalDate.of(2005, 5, 6), "共青团员");
        String teacher = people.member(branch, LocalDate.of(1996, 5, 7), "共青团员");
        String notGraduating = people.member(otherBranch, LocalDate.of(2005, 5, 8), "共青团员");
        jdbc.sql("update person set delayed_graduate = true where id_number = ?").param(delayed).update();
        jdbc.sql("update person set teacher = true where id_number = ?").param(teacher).update();
        var graduated = envelope(new BranchesGraduated(2027, List.of(branch)), String.valueOf(province));

        assertThat(orgEvents.apply(graduated)).isTrue();

        assertThat(graduate(student)).isTrue();
        assertThat(graduate(delayed)).isFalse();
        assertThat(graduate(teacher)).isFalse();
        assertThat(graduate(notGraduating)).isFalse();
        assertThat(orgEvents.apply(graduated)).isFalse();
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            assertThat(reader.readUntilContains("\"idNumber\":\"" + student + "\",\"branchId\"", Duration.ofSeconds(20))
                    .stream().filter(r -> r.value().contains("GraduateFlagged.v1")).map(r -> r.key()).toList())
                    .contains(student).doesNotContain(delayed, teacher);
        }
    }

    @Test
    @DisplayName("R-ORG-6 a new secretary from org-service becomes a person (political status 未知) with the post 书记; "
            + "the previous secretary's 书记 post ends; a replay changes nothing")
    void secretaryAppointed() {
        String previous = people.person(LocalDate.of(1992, 6, 6), "中共党员");
        people.post(previous, committee, "书记");
        people.post(previous, committee, "委员");
        String secretary = TestPeople.idNumber(LocalDate.of(1994, 6, 6));
        var appointed = envelope(new SecretaryAppointed(committee, secretary.toLowerCase(), "新书记", previous),
                String.valueOf(province));

        assertThat(orgEvents.apply(appointed)).isTrue();

        assertThat(jdbc.sql("select name || ':' || political_status from person where id_number = ?").param(secretary)
                .query(String.class).single()).isEqualTo("新书记:" + OrgEffects.UNKNOWN_POLITICAL_STATUS);
        assertThat(titles(secretary)).containsExactly("书记");
        assertThat(titles(previous)).containsExactly("委员");

        jdbc.sql("delete from post where id_number = ?").param(secretary).update();
        assertThat(orgEvents.apply(appointed)).isFalse();
        assertThat(titles(secretary)).isEmpty();
    }

    @Test
    @DisplayName("R-ORG-6 SecretaryAppointed arriving on league.org.events is applied by the service's own consumer group")
    void secretaryOverKafka() throws Exception {
        String secretary = TestPeople.idNumber(LocalDate.of(1993, 7, 7));
        var event = EventEnvelope.wrap(new SecretaryAppointed(otherBranch, secretary, "另一书记", null),
                String.valueOf(province), pathOf(otherBranch), null, Instant.now());
        kafka.send(Topics.ORG_EVENTS, String.valueOf(province), EventJson.write(event)).join();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (titles(secretary).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(titles(secretary)).containsExactly("书记");
    }

    @Test
    @DisplayName("R-ADM-3 an admin who registered with a code holds the post they named")
    void adminRegistered() {
        String cadre = people.person(LocalDate.of(1991, 8, 8), "中共党员");
        var registered = envelope(new AdminRegistered(committee, cadre, "测试", "组织委员"), String.valueOf(province));
        assertThat(orgEvents.apply(registered)).isTrue();
        assertThat(titles(cadre)).containsExactly("组织委员");
        assertThat(orgEvents.apply(registered)).isFalse();
    }

    @Test
    @DisplayName("R-ADM-3 R-AUTH-2 someone new to the system who registered as admin becomes a person here, with the "
            + "post: the account they log in with (initial password) exists")
    void newPersonRegisteredAsAdmin() {
        String newcomer = TestPeople.idNumber(LocalDate.of(1993, 9, 9));
        var registered = envelope(new AdminRegistered(committee, newcomer, "新管理员", "书记"), String.valueOf(province));
        assertThat(orgEvents.apply(registered)).isTrue();
        assertThat(jdbc.sql("select name from person where id_number = ? and deleted_at is null").param(newcomer)
                .query(String.class).single()).isEqualTo("新管理员");
        assertThat(titles(newcomer)).containsExactly("书记");
    }

    private boolean graduate(String idNumber) {
        return jdbc.sql("select graduate from person where id_number = ?").param(idNumber)
                .query(Boolean.class).single();
    }

    private List<String> titles(String idNumber) {
        return jdbc.sql("select title from post where id_number = ? order by title").param(idNumber)
                .query(String.class).list();
    }
}
