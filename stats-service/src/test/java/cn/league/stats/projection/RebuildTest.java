package cn.league.stats.projection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.stats.support.SentEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class RebuildTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionStore store;
    @Autowired
    Rebuild rebuild;
    @Autowired
    Recompute recompute;

    static long orgIds = 910_000_000L + System.nanoTime() % 1_000_000 * 10;

    @Test
    @DisplayName("R-STAT-1 a damaged projection (figures changed, a person's fact lost, an org that never had anyone) is rebuilt from member-service's topic replayed from its start: the figures equal the incremental ones and a recompute; events after it count once")
    void rebuildRepairsADamagedProjection() {
        SentEvents topic = new SentEvents(kafka, jdbc);
        long branchA = ++orgIds;
        long branchB = ++orgIds;
        long committee = ++orgIds;
        String p1 = SentEvents.idNumber();
        String p2 = SentEvents.idNumber();
        String p3 = SentEvents.idNumber();
        String gone = SentEvents.idNumber();
        topic.publish(PersonEntered.member(p1, "甲", true, branchA, true), p1);
        var incomplete = topic.publish(PersonEntered.member(p2, "乙", false, branchA, false), p2);
        topic.publish(PersonEntered.cadre(p3, "丙", true, new Post(committee, "书记"), true), p3);
        topic.publish(PersonEntered.member(gone, "丁", true, branchB, true), gone);
        topic.publish(new ProfileChanged(p2, "乙", true, true), p2);
        topic.publish(new MembershipMoved(p1, branchA, branchB), p1);
        topic.publish(new PostsChanged(p3, "丙", List.of(new Post(committee, "书记"), new Post(branchA, "组织委员"))), p3);
        topic.publish(new MembershipEnded(gone, branchB, "删除"), gone);
        topic.publish(new PersonDeleted(gone, "110105199001014329", "重复录入"), gone);
        topic.redeliver(incomplete);
        topic.awaitApplied();

        Map<Long, List<Long>> incremental = store.orgFigures();
        Map<String, PersonFact> facts = store.load(List.of(p1, p2, p3, gone));
        assertThat(incremental.get(branchA)).containsExactly(1L, 1L, 1L, 1L, 2L, 2L);
        assertThat(incremental.get(branchB)).containsExactly(1L, 1L, 0L, 0L, 1L, 1L);

        jdbc.sql("update org_figure set members = members + 5 where org_id = ?").param(branchA).update();
        jdbc.sql("delete from person_fact where id_number = ?").param(p3).update();
        jdbc.sql("insert into org_figure (org_id, members) values (?, 9)").param(++orgIds).update();
        assertThat(store.orgFigures()).as("damaged").isNotEqualTo(incremental);

        Rebuild.Result result = rebuild.run();

        assertThat(result).isNotNull();
        assertThat(result.eventsApplied()).as("the 9 events of this test, the redelivered one once").isGreaterThanOrEqualTo(9);
        assertThat(store.orgFigures()).as("rebuilt from the topic").isEqualTo(incremental);
        assertThat(store.load(List.of(p1, p2, p3, gone))).isEqualTo(facts);
        assertThat(recompute.run()).isPositive();
        assertThat(store.orgFigures()).as("a recompute of the rebuilt facts").isEqualTo(incremental);

        String later = SentEvents.idNumber();
        topic.publish(PersonEntered.member(later, "戊", true, branchA, true), later);
        topic.redeliver(incomplete);
        topic.awaitApplied();
        assertThat(store.orgFigures().get(branchA)).as("the live consumers go on, each event once")
                .containsExactly(2L, 2L, 1L, 1L, 3L, 3L);
    }
}
