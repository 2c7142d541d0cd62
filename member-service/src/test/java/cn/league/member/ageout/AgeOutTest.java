package cn.league.member.ageout;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AgeOutTest {

    /** A day well after every other test's people, so this class decides what is due. */
    static final LocalDate TODAY = LocalDate.of(2031, 9, 10);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgeOut ageOut;

    TestPeople people;
    long committee;
    long branch;

    @BeforeEach
    void tree() {
        TreeReplica tree = new TreeReplica(jdbc);
        long province = tree.province("团测试省委", "11");
        committee = tree.child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        branch = tree.child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        people = new TestPeople(jdbc);
    }

    @Test
    @DisplayName("R-MEM-9 the daily job ends the membership of members who turned 28 without a post, keeps the rest "
            + "(party members under 28, cadres), publishes MembershipEnded with the reason; a second run changes nothing")
    void ageOut() {
        String turned28 = people.member(branch, TODAY.minusYears(28), "共青团员");
        String partyMemberTurned28 = people.member(branch, TODAY.minusYears(28).minusDays(3), "中共党员");
        String almost28 = people.member(branch, TODAY.minusYears(28).plusDays(1), "共青团员");
        String partyMember27 = people.member(branch, TODAY.minusYears(27), "中共预备党员");
        String cadre30 = people.member(branch, TODAY.minusYears(30), "中共党员");
        people.post(cadre30, committee, "书记");

        int ended = ageOut.runFor(TODAY);

        assertThat(ended).isGreaterThanOrEqualTo(2);
        assertThat(people.branchOf(turned28)).isNull();
        assertThat(people.branchOf(partyMemberTurned28)).isNull();
        assertThat(people.branchOf(almost28)).isEqualTo(branch);
        assertThat(people.branchOf(partyMember27)).isEqualTo(branch);
        assertThat(people.branchOf(cadre30)).isEqualTo(branch);
        assertThat(jdbc.sql("select reason from membership_end where id_number = ?").param(turned28)
                .query(String.class).single()).isEqualTo(AgeOutRule.REASON);

        assertThat(ageOut.runFor(TODAY)).isZero();
        assertThat(jdbc.sql("select count(*) from membership_end where id_number = ?").param(turned28)
                .query(Integer.class).single()).isEqualTo(1);

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            var record = reader.readUntilContains("\"idNumber\":\"" + turned28 + "\",\"branchId\"",
                            Duration.ofSeconds(20)).stream()
                    .filter(r -> r.key().equals(turned28) && r.value().contains("MembershipEnded.v1"))
                    .findFirst().orElseThrow();
            MembershipEnded event = EventJson.dataAs(EventJson.read(record.value()), MembershipEnded.class);
            assertThat(event.branchId()).isEqualTo(branch);
            assertThat(event.reason()).isEqualTo(AgeOutRule.REASON);
        }
    }

    @Test
    @DisplayName("R-MEM-9 the job run by two replicas at once ends each due membership exactly once")
    void twoReplicas() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            due.add(people.member(branch, TODAY.minusYears(29).minusDays(i % 300), "共青团员"));
        }
        int dueNow = jdbc.sql("""
                        select count(*) from membership m join person p using (id_number)
                         where p.birth_date <= ? and not exists (select 1 from post where post.id_number = m.id_number)""")
                .param(AgeOutRule.bornOnOrBefore(TODAY)).query(Integer.class).single();

        CountDownLatch start = new CountDownLatch(1);
        List<Integer> ended = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Callable<Integer> run = () -> {
                start.await();
                return ageOut.runFor(TODAY);
            };
            Future<Integer> first = threads.submit(run);
            Future<Integer> second = threads.submit(run);
            start.countDown();
            ended.add(first.get());
            ended.add(second.get());
        }

        assertThat(ended.get(0) + ended.get(1)).isEqualTo(dueNow);
        assertThat(jdbc.sql("select count(*) from membership where branch_id = ?").param(branch)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from membership_end where id_number in (
                            select id_number from person where id_number = any (cast(? as text[])))""")
                .param("{" + String.join(",", due) + "}").query(Integer.class).single()).isEqualTo(due.size());
    }
}
