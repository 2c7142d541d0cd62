package cn.league.support.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.EventIds;
import cn.league.support.jobs.ExclusiveBatches;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class InboxPruningTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Duration KEEP = Duration.ofDays(15);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExclusiveBatches batches;

    InboxPruning pruning;

    @BeforeEach
    void emptyInbox() {
        jdbc.sql("delete from platform.consumed_event where consumer like 'pruning-%'").update();
        pruning = new InboxPruning(jdbc, batches, Clock.fixed(NOW, ZoneOffset.UTC), KEEP);
    }

    @Test
    void eventsOlderThanKafkaCanDeliverAgainAreForgottenNewerOnesKept() {
        UUID old = record("pruning-a", EventIds.at(NOW.minus(KEEP).minusSeconds(1)), NOW.minus(Duration.ofDays(1)));
        UUID justKept = record("pruning-a", EventIds.at(NOW.minus(KEEP).plusSeconds(1)), NOW.minus(KEEP));
        UUID recent = record("pruning-b", EventIds.at(NOW.minusSeconds(5)), NOW);
        UUID oldOfB = record("pruning-b", EventIds.at(NOW.minus(Duration.ofDays(40))), NOW.minus(Duration.ofDays(40)));

        pruning.prune();

        assertThat(present("pruning-a", old)).as("by its id's time, whenever it was consumed").isFalse();
        assertThat(present("pruning-b", oldOfB)).isFalse();
        assertThat(present("pruning-a", justKept)).isTrue();
        assertThat(present("pruning-b", recent)).isTrue();
    }

    @Test
    void randomIdsFromBeforeTimeOrderedOnesGoByWhenTheyWereConsumed() {
        UUID oldRandom = record("pruning-legacy", UUID.randomUUID(), NOW.minus(KEEP).minusSeconds(1));
        UUID recentRandom = record("pruning-legacy", UUID.randomUUID(), NOW.minus(Duration.ofDays(1)));
        // a random id that sorts below every time-ordered one must not be taken for an old event
        UUID lowRandom = record("pruning-legacy", UUID.fromString("00000000-0000-4000-8000-000000000001"),
                NOW.minus(Duration.ofDays(1)));

        pruning.prune();

        assertThat(present("pruning-legacy", oldRandom)).isFalse();
        assertThat(present("pruning-legacy", recentRandom)).isTrue();
        assertThat(present("pruning-legacy", lowRandom)).isTrue();
    }

    @Test
    void manyOldEventsGoInBatchesAllOfThem() {
        jdbc.sql("""
                        insert into platform.consumed_event (consumer, event_id, consumed_at)
                        select 'pruning-many', unnest(cast(? as uuid[])), now()""")
                .param(oldIds(InboxPruning.BATCH * 2 + 7))
                .update();
        assertThat(count("pruning-many")).isEqualTo(InboxPruning.BATCH * 2 + 7);

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(InboxPruning.BATCH * 2 + 7);
        assertThat(count("pruning-many")).isZero();
    }

    private UUID[] oldIds(int n) {
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            ids[i] = EventIds.at(NOW.minus(Duration.ofDays(20)).plusMillis(i));
        }
        return ids;
    }

    private UUID record(String consumer, UUID eventId, Instant consumedAt) {
        jdbc.sql("insert into platform.consumed_event (consumer, event_id, consumed_at) values (?, ?, ?)")
                .params(consumer, eventId, Timestamp.from(consumedAt)).update();
        return eventId;
    }

    private boolean present(String consumer, UUID eventId) {
        return jdbc.sql("select count(*) from platform.consumed_event where consumer = ? and event_id = ?")
                .params(consumer, eventId).query(Integer.class).single() == 1;
    }

    private int count(String consumer) {
        return jdbc.sql("select count(*) from platform.consumed_event where consumer = ?").param(consumer)
                .query(Integer.class).single();
    }
}
