package cn.league.stats.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.stats.support.SentEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ProjectionTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionStore store;
    @Autowired
    Recompute recompute;

    static long orgIds = 900_000_000L + System.nanoTime() % 1_000_000 * 10;

    @Test
    @DisplayName("R-STAT-1 the projection follows a mixed run of entries, an import, profile edits, a transfer, posts, age-out, deletion and renumbering, each event once; a full recompute gives the same figures")
    void incrementalEqualsRecompute() {
        SentEvents topic = new SentEvents(kafka, jdbc);
        long branchA = ++orgIds;
        long branchB = ++orgIds;
        long committee = ++orgIds;
        long branchD = ++orgIds;
        String p1 = SentEvents.idNumber();
        String p2 = SentEvents.idNumber();
        String p3 = SentEvents.idNumber();
        String p5 = SentEvents.idNumber();
        List<String> imported = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            imported.add(SentEvents.idNumber());
        }

        topic.publish(PersonEntered.member(p1, "甲", true, branchA, true), p1);
        var incomplete = topic.publish(PersonEntered.member(p2, "乙", false, branchA, false), p2);
        topic.publish(PersonEntered.cadre(p3, "丙", true, new Post(committee, "书记"), true), p3);
        imported.forEach(id -> topic.publish(PersonEntered.member(id, "导入", true, branchB, true), id));
        topic.publish(new ProfileChanged(p2, "乙", true, true), p2);
        topic.publishPassedOver(new ProfileChanged(p2, "乙", true), p2); // from before completeness was on it
        topic.publish(new MembershipMoved(p1, branchA, branchB), p1);
        topic.publish(new PostsChanged(p3, "丙", List.of(new Post(committee, "书记"), new Post(branchA, "组织委员"))), p3);
        topic.publish(new MembershipEnded(imported.get(0), branchB, "超龄离团"), imported.get(0));
        String deleted = imported.get(1);
        topic.publish(new MembershipEnded(deleted, branchB, "删除"), deleted);
        topic.publish(new PostsChanged(deleted, "导入", List.of()), deleted);
        topic.publish(new PersonDeleted(deleted, "110105199001014329", "重复录入"), deleted);
        // a renumbering is keyed by the new number, on another partition maybe: after the person's entry is in
        topic.awaitApplied();
        String renumbered = SentEvents.idNumber();
        topic.publish(new IdentityDetailsChanged(renumbered, imported.get(2), "导入", "导入", "UNVERIFIED"), renumbered);
        topic.publish(new ProfileChanged(renumbered, "导入", false, false), renumbered);
        topic.publish(new MembershipStarted(p5, branchD), p5);
        topic.redeliver(incomplete);
        topic.awaitApplied();

        Map<Long, List<Long>> incremental = store.orgFigures();
        // members, members complete, cadres, cadres complete, people, people complete
        assertThat(incremental.get(branchA)).containsExactly(1L, 1L, 1L, 1L, 2L, 2L);
        assertThat(incremental.get(branchB)).containsExactly(4L, 3L, 0L, 0L, 4L, 3L);
        assertThat(incremental.get(committee)).containsExactly(0L, 0L, 1L, 1L, 1L, 1L);
        assertThat(incremental.get(branchD)).containsExactly(1L, 0L, 0L, 0L, 1L, 0L);

        assertThat(recompute.run()).isPositive();
        assertThat(store.orgFigures()).isEqualTo(incremental);
    }
}
