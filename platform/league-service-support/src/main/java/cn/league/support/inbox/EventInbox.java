package cn.league.support.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;

/**
 * Makes a consumer idempotent: the event id is recorded in the same transaction as the event's
 * effect, so a redelivered or replayed event changes nothing, and a failed effect records nothing
 * (the event is retried).
 */
public class EventInbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public EventInbox(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Applies {@code effect} unless {@code consumer} already applied this event.
     *
     * @return true when the effect ran now, false when the event had been applied before
     */
    public boolean applyOnce(String consumer, EventEnvelope<?> event, Runnable effect) {
        return applyOnce(consumer, event.eventId(), effect);
    }

    public boolean applyOnce(String consumer, UUID eventId, Runnable effect) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int recorded = jdbc.sql("""
                            insert into platform.consumed_event (consumer, event_id) values (?, ?)
                            on conflict do nothing""")
                    .params(consumer, eventId)
                    .update();
            if (recorded == 0) {
                return false;
            }
            effect.run();
            return true;
        }));
    }

    /**
     * The records of a batch listener, applied in order in one transaction, each event unless applied before: one
     * commit for the whole poll instead of one per event, which is what lets a consumer keep up when events come
     * by the thousand per second. When that transaction fails, the records are applied again one by one, each in
     * its own transaction, and the first that fails is thrown as a {@link BatchListenerFailedException} naming that
     * record (so a listener may pass on only part of its poll): the error handler keeps what came before it, retries
     * from it and in the end parks only that record.
     *
     * @param effectOf an event's effect, or null when this consumer ignores events of its type
     */
    public void applyBatch(String consumer, List<ConsumerRecord<String, String>> records,
                           Function<EventEnvelope<JsonNode>, Runnable> effectOf) {
        applyGathered(consumer, records, inTransaction -> new GatheredEffects() {
            @Override
            public Runnable effectOf(EventEnvelope<JsonNode> event) {
                return effectOf.apply(event);
            }

            @Override
            public void finish() {
            }
        });
    }

    /**
     * Effects that gather what the events of one transaction change and write it at once when they are done: for a
     * projection, one statement per table for a whole poll instead of several per event.
     */
    public interface GatheredEffects {

        /** An event's effect on what is gathered, or null when this consumer ignores events of its type. */
        Runnable effectOf(EventEnvelope<JsonNode> event);

        /** Writes what the effects gathered, in the same transaction, after the last of them. */
        void finish();
    }

    /**
     * {@link #applyBatch} for effects that gather their writes: {@code effects} makes fresh ones for the records of
     * each transaction (the whole poll, or one record when the poll is applied again one by one).
     */
    public void applyGathered(String consumer, List<ConsumerRecord<String, String>> records,
                              Function<List<ConsumerRecord<String, String>>, GatheredEffects> effects) {
        try {
            transaction.executeWithoutResult(status -> applyAll(consumer, records, effects.apply(records)));
        } catch (RuntimeException batchFailed) {
            for (ConsumerRecord<String, String> record : records) {
                try {
                    transaction.executeWithoutResult(status -> applyAll(consumer, List.of(record),
                            effects.apply(List.of(record))));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("event at " + record.topic() + "-" + record.partition()
                            + "@" + record.offset() + " failed", failed, record);
                }
            }
        }
    }

    private void applyAll(String consumer, List<ConsumerRecord<String, String>> records, GatheredEffects gathered) {
        List<Effect> effects = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() != null) {
                EventEnvelope<JsonNode> event = EventJson.read(record.value());
                Runnable effect = gathered.effectOf(event);
                if (effect != null) {
                    effects.add(new Effect(event.eventId(), effect));
                }
            }
        }
        if (effects.isEmpty()) {
            return;
        }
        Set<UUID> firstTime = new HashSet<>(jdbc.sql("""
                        insert into platform.consumed_event (consumer, event_id)
                        select ?, unnest(cast(? as uuid[])) on conflict do nothing returning event_id""")
                .params(consumer, effects.stream().map(Effect::eventId).toArray(UUID[]::new))
                .query(UUID.class).list());
        for (Effect effect : effects) {
            if (firstTime.remove(effect.eventId())) { // an event twice in one batch still applies once
                effect.run().run();
            }
        }
        gathered.finish();
    }

    private record Effect(UUID eventId, Runnable run) {
    }
}
