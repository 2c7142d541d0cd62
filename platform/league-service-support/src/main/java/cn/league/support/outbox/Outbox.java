package cn.league.support.outbox;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;

/**
 * Publishes an event by storing it in the transaction of the change it records. The
 * {@link OutboxRelay} sends it after commit; a rollback leaves nothing to send.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Supplier<String> traceparent;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, Clock clock, Supplier<String> traceparent, OutboxRelay relay) {
        this.jdbc = jdbc;
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
