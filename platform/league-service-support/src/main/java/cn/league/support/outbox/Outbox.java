package cn.league.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.support.copy.CopyIn;

/**
 * Publishes an event by storing it in the transaction of the change it records. The
 * {@link OutboxRelay} sends it after commit; a rollback leaves nothing to send.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final Supplier<String> traceparent;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, DataSource dataSource, Clock clock, Supplier<String> traceparent,
                  OutboxRelay relay) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.traceparent = traceparent;
        this.relay = relay;
    }

    /**
     * @param topic       the owning service's topic, see {@link cn.league.contracts.Topics}
     * @param event       a record annotated with {@link cn.league.contracts.EventType}
     * @param aggregateId what the event is about; the Kafka key
     * @param orgPath     where in the org tree it happened, or null
     */
    public <T> EventEnvelope<T> publish(String topic, T event, String aggregateId, String orgPath) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event must be published inside the transaction of its change");
        }
        EventEnvelope<T> envelope = EventEnvelope.wrap(event, aggregateId, orgPath, traceparent.get(), clock.instant());
        jdbc.sql("""
                        insert into platform.outbox_event (event_id, topic, message_key, event_type, traceparent, payload)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(envelope.eventId(), topic, aggregateId, envelope.type(), envelope.traceparent(),
                        EventJson.write(envelope))
                .update();
        wakeRelayAfterCommit();
        return envelope;
    }

    /**
     * Publishes many events in one {@code COPY}, in the order given (the relay sends them in that order), inside the
     * transaction of their change; for bulk paths where one insert per event costs too much. COPY rather than an
     * insert of arrays: JSON payloads in an array literal are escaped quote by quote by the driver and parsed again
     * by the server, which cost the bulk import more than the rest of its event handling together.
     */
    public List<EventEnvelope<?>> publishAll(String topic, List<Publication> publications) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event must be published inside the transaction of its change");
        }
        if (publications.isEmpty()) {
            return List.of();
        }
        String trace = traceparent.get();
        Instant now = clock.instant();
        List<EventEnvelope<?>> envelopes = new ArrayList<>(publications.size());
        CopyIn rows = new CopyIn("platform.outbox_event (event_id, topic, message_key, event_type, traceparent, "
                + "payload)", publications.size());
        for (Publication publication : publications) {
            EventEnvelope<?> envelope = EventEnvelope.wrap(publication.event(), publication.aggregateId(),
                    publication.orgPath(), trace, now);
            envelopes.add(envelope);
            rows.row(envelope.eventId(), topic, envelope.aggregateId(), envelope.type(), trace,
                    EventJson.writeUtf8(envelope));
        }
        rows.into(dataSource);
        wakeRelayAfterCommit();
        return envelopes;
    }

    /**
     * One event of {@link #publishAll}.
     *
     * @param event       a record annotated with {@link cn.league.contracts.EventType}
     * @param aggregateId what the event is about; the Kafka key
     * @param orgPath     where in the org tree it happened, or null
     */
    public record Publication(Object event, String aggregateId, String orgPath) {
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // one wake-up per transaction, however many events it stores
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
            }
        });
    }
}
