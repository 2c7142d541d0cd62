package cn.league.orgreplica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.AdminRevoked;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishes org events on the real topic as org-service would, and waits until the replica applied them. */
final class OrgEventsFeed {

    /** An envelope and the Kafka key it went with, so it can be delivered again as it was. */
    record Sent(String key, EventEnvelope<?> envelope, String json) {
    }

    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient jdbc;

    OrgEventsFeed(KafkaTemplate<String, String> kafka, JdbcClient jdbc) {
        this.kafka = kafka;
        this.jdbc = jdbc;
    }

    Sent publish(String key, Object event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event, key, null, null, Instant.now());
        Sent sent = new Sent(key, envelope, EventJson.write(envelope));
        deliver(sent);
        return sent;
    }

    /** The same record again, as Kafka redelivers after a rebalance or a replay. */
    void deliver(Sent sent) {
        try {
            kafka.send(Topics.ORG_EVENTS, sent.key(), sent.json()).get();
        } catch (InterruptedException | ExecutionException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Publishes and waits until the replica recorded the event. */
    Sent apply(String key, Object event) {
        Sent sent = publish(key, event);
        awaitApplied(List.of(sent));
        return sent;
    }

    void awaitApplied(Collection<Sent> events) {
        List<UUID> ids = events.stream().map(sent -> sent.envelope().eventId()).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (applied(ids) < ids.size() && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(applied(ids)).as("events applied by the replica").isEqualTo(ids.size());
    }

    /**
     * Waits until everything sent so far on these keys was read: a harmless marker goes after it on each
     * key (one key's records stay in order) and the marker's arrival proves the rest was handled.
     */
    void awaitDrained(Collection<String> keys) {
        List<Sent> markers = new ArrayList<>();
        for (String key : keys) {
            markers.add(publish(key, new AdminRevoked(-1, "MARKER-" + UUID.randomUUID())));
        }
        awaitApplied(markers);
    }

    boolean wasApplied(Sent sent) {
        return applied(List.of(sent.envelope().eventId())) == 1;
    }

    private int applied(List<UUID> ids) {
        return jdbc.sql("""
                        select count(*) from platform.consumed_event
                         where consumer = ? and event_id = any(cast(? as uuid[]))""")
                .params(OrgEventsListener.CONSUMER,
                        ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .query(Integer.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
