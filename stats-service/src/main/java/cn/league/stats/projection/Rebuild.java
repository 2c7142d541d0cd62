package cn.league.stats.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;

/**
 * Rebuilds the projection from its owner's facts (issue 13 item 5): member-service's topic is replayed from its start
 * by a consumer of no group (it moves no offset of the live consumers) into shadow tables, with the live consumers'
 * arithmetic ({@link ProjectionBatch}); then, with the live tables locked (every replica's consumers wait), the events
 * published meanwhile are replayed too, the events the shadow holds beyond the live consumers' committed offsets are
 * recorded as consumed for them (so none counts twice once they go on), and the shadow tables replace the live ones.
 * A projection damaged in any way — lost rows, wrong figures, a fact the events never said — comes back as the events
 * say. One replica at a time, in one transaction: a rebuild broken off leaves the live tables as they were.
 * <p>
 * It needs the topic from its start: {@code league.member.events} kept without time limit ({@code retention.ms=-1});
 * with the broker's default 7 days only the last week replays, and a rebuild would lose the people entered before.
 * Events on several partitions are applied in time order within a poll, as the live consumers apply them.
 */
@Service
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    static final int MAX_POLL = 5_000;
    /** A redelivered event (the outbox relay sends again after a crash) comes within a relay batch of the first. */
    static final int RECENT_IDS = 200_000;

    private final ExclusiveBatches batches;
    private final ProjectionStore store;
    private final JdbcClient jdbc;
    private final Map<String, Object> kafka;
    private final String liveGroup;

    Rebuild(ExclusiveBatches batches, ProjectionStore store, JdbcClient jdbc, ConsumerFactory<?, ?> consumers,
            @Value("${spring.application.name}") String application) {
        this.batches = batches;
        this.store = store;
        this.jdbc = jdbc;
        this.kafka = new HashMap<>(consumers.getConfigurationProperties());
        this.liveGroup = application + "-projection"; // MemberEventsListener's group
    }

    /** What a rebuild did. */
    public record Result(long eventsApplied, long people, int orgsWithFigures, long markedConsumed) {
    }

    /** @return what it did, or null when another replica is rebuilding */
    public Result run() {
        Result[] result = {null};
        batches.run("stats-rebuild", () -> {
            result[0] = rebuild();
            return new Batch(1, false);
        });
        return result[0];
    }

    private Result rebuild() {
        long started = System.nanoTime();
        ProjectionStore shadow = store.shadow();
        store.createShadow();
        try (KafkaConsumer<String, String> consumer = groupless()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBER_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Replay replay = new Replay(shadow);
            replay.until(consumer, consumer.endOffsets(partitions));
            store.lockLive();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            replay.until(consumer, end);
            long marked = markConsumed(consumer, partitions, end);
            long people = shadow.countFacts();
            int orgs = shadow.orgFigures().size();
            store.swapShadowIn();
            log.info("projection rebuilt from {} events: {} people, {} orgs with figures, {} events marked consumed"
                    + " for the live consumers, in {} ms", replay.applied, people, orgs, marked,
                    (System.nanoTime() - started) / 1_000_000);
            return new Result(replay.applied, people, orgs, marked);
        }
    }

    /** The events after the live group's committed offsets, up to {@code end}: the shadow holds them all. */
    private long markConsumed(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                              Map<TopicPartition, Long> end) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        long marked = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata from = committed.get(partition);
            consumer.seek(partition, from == null ? 0 : from.offset());
        }
        List<UUID> ids = new ArrayList<>();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                        && record.value() != null && MemberEventsListener.mayMatter(record)) {
                    ids.add(EventJson.read(record.value()).eventId());
                }
            }
            if (ids.size() >= MAX_POLL) {
                marked += insertConsumed(ids);
                ids.clear();
            }
        }
        return marked + insertConsumed(ids);
    }

    private long insertConsumed(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into platform.consumed_event (consumer, event_id)
                        select ?, unnest(cast(? as uuid[])) on conflict do nothing""")
                .params(MemberEventsListener.CONSUMER, ids.toArray(UUID[]::new)).update();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(liveGroup).partitionsToOffsetAndMetadata().get().forEach((partition, at) -> {
                if (at != null && partition.topic().equals(Topics.MEMBER_EVENTS)) {
                    offsets.put(partition, at);
                }
            });
            return offsets;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new IllegalStateException("the live consumers' offsets of " + liveGroup, failed);
        }
    }

    private KafkaConsumer<String, String> groupless() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** The replay into the shadow tables: each poll as one batch, its events in time order, each event once. */
    private static final class Replay {

        private final ProjectionStore shadow;
        private final Set<UUID> recent = new LinkedHashSet<>();
        private long applied;

        Replay(ProjectionStore shadow) {
            this.shadow = shadow;
        }

        /** Applies the topic up to {@code end} (exclusive) of each partition. */
        void until(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
            while (end.entrySet().stream().anyMatch(at -> consumer.position(at.getKey()) < at.getValue())) {
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (last != null && record.offset() < last && record.value() != null
                            && MemberEventsListener.mayMatter(record)) {
                        records.add(record);
                    }
                }
                apply(records);
            }
        }

        private void apply(List<ConsumerRecord<String, String>> records) {
            if (records.isEmpty()) {
                return;
            }
            records.sort(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
            List<EventEnvelope<JsonNode>> events = new ArrayList<>(records.size());
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope<JsonNode> event = EventJson.read(record.value());
                if (recent.add(event.eventId())) {
                    events.add(event);
                    if (recent.size() > RECENT_IDS) {
                        recent.remove(recent.iterator().next());
                    }
                }
            }
            ProjectionBatch batch = new ProjectionBatch(shadow, records.stream().map(ConsumerRecord::key)
                    .filter(Objects::nonNull).toList());
            for (EventEnvelope<JsonNode> event : events) {
                Runnable effect = batch.effectOf(event);
                if (effect != null) {
                    effect.run();
                    applied++;
                }
            }
            batch.finish();
        }
    }
}
