package cn.league.stats.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;

/**
 * Publishes events on the real topics (member-service's unless told otherwise) and waits until a consumer of
 * stats-service — the projection unless told otherwise — applied them.
 */
public final class SentEvents {

    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient jdbc;
    private final String consumer;
    private final List<UUID> sent = new ArrayList<>();

    public SentEvents(KafkaTemplate<String, String> kafka, JdbcClient jdbc) {
        this(kafka, jdbc, "stats-projection");
    }

    public SentEvents(KafkaTemplate<String, String> kafka, JdbcClient jdbc, String consumer) {
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.consumer = consumer;
    }

    /** A fresh 18-character ID number (the projection does not check them). */
    public static String idNumber() {
        return "3301" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    public EventEnvelope<Object> publish(Object event, String idNumber) {
        return publish(Topics.MEMBER_EVENTS, event, idNumber, Instant.now());
    }

    public EventEnvelope<Object> publish(String topic, Object event, String key, Instant occurredAt) {
        EventEnvelope<Object> envelope = EventEnvelope.wrap(event, key, null, null, occurredAt);
        send(topic, envelope);
        return envelope;
    }

    /** An event the projection passes over (changes no figure): not waited for. */
    public void publishPassedOver(Object event, String idNumber) {
        EventEnvelope<Object> envelope = EventEnvelope.wrap(event, idNumber, null, null, Instant.now());
        try {
            kafka.send(Topics.MEMBER_EVENTS, idNumber, EventJson.write(envelope)).get();
        } catch (InterruptedException | ExecutionException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** The same envelope once more, as Kafka may deliver it (at least once). */
    public void redeliver(EventEnvelope<Object> envelope) {
        send(Topics.MEMBER_EVENTS, envelope);
    }

    private void send(String topic, EventEnvelope<Object> envelope) {
        try {
            kafka.send(topic, envelope.aggregateId(), EventJson.write(envelope)).get();
            sent.add(envelope.eventId());
        } catch (InterruptedException | ExecutionException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Waits until the consumer has applied every event sent so far. */
    public void awaitApplied() {
        UUID[] ids = sent.stream().distinct().toArray(UUID[]::new);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            long applied = jdbc.sql("""
                            select count(*) from platform.consumed_event
                             where consumer = ? and event_id = any (?)""")
                    .params(consumer, ids).query(Long.class).single();
            if (applied == ids.length) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + applied + " of " + ids.length + " events applied");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
