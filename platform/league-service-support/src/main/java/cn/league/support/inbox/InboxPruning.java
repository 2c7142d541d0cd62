package cn.league.support.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import cn.league.contracts.EventIds;
import cn.league.support.jobs.ExclusiveBatches;

/**
 * Forgets consumed events Kafka can no longer deliver again: without it {@code platform.consumed_event} grows by
 * every event every consumer ever applied. An event is kept for {@code league.inbox.keep}, which must exceed the
 * topics' retention plus a segment's age (Kafka deletes whole segments, so a record can outlive {@code retention.ms}
 * by up to {@code segment.ms}) plus the longest time an event may wait in an outbox while Kafka is down. Event ids
 * are time-ordered ({@link EventIds}), so the old ones are one range of the primary key per consumer; ids from
 * before that change go by when they were consumed. One replica prunes at a time, in batches
 * ({@link ExclusiveBatches}).
 */
public class InboxPruning {

    static final String JOB = "platform.consumed_event pruning";
    static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(InboxPruning.class);

    private final JdbcClient jdbc;
    private final ExclusiveBatches batches;
    private final Clock clock;
    private final Duration keep;

    public InboxPruning(JdbcClient jdbc, ExclusiveBatches batches, Clock clock, Duration keep) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "${league.inbox.prune-first:PT10M}", fixedDelayString = "${league.inbox.prune-every:PT1H}")
    public void pruneOnSchedule() {
        int pruned = prune();
        if (pruned > 0) {
            log.info("pruned {} consumed events older than {}", pruned, keep);
        }
    }

    /** Deletes the consumed events recorded before now minus {@code keep}; returns how many. */
    public int prune() {
        Instant before = clock.instant().minus(keep);
        UUID floor = EventIds.floor(before);
        int pruned = 0;
        for (String consumer : consumers()) {
            pruned += batches.run(JOB, () -> done(jdbc.sql("""
                            delete from platform.consumed_event where consumer = :consumer and event_id in (
                                select event_id from platform.consumed_event
                                where consumer = :consumer and event_id < :floor and substr(event_id::text, 15, 1) = '7'
                                limit :batch)""")
                    .param("consumer", consumer).param("floor", floor).param("batch", BATCH).update()));
        }
        pruned += batches.run(JOB, () -> done(jdbc.sql("""
                        delete from platform.consumed_event where ctid = any(array(
                            select ctid from platform.consumed_event
                            where consumed_at < :before and substr(event_id::text, 15, 1) <> '7' limit :batch))""")
                .param("before", java.sql.Timestamp.from(before)).param("batch", BATCH).update()));
        return pruned;
    }

    /** The consumers that recorded events: a loose index scan, one probe per consumer, not a read of every row. */
    private List<String> consumers() {
        return jdbc.sql("""
                        with recursive consumers(name) as (
                            (select consumer from platform.consumed_event order by consumer limit 1)
                            union all
                            select (select consumer from platform.consumed_event where consumer > name
                                    order by consumer limit 1)
                            from consumers where name is not null)
                        select name from consumers where name is not null""")
                .query(String.class).list();
    }

    private static ExclusiveBatches.Batch done(int deleted) {
        return new ExclusiveBatches.Batch(deleted, deleted == BATCH);
    }
}
