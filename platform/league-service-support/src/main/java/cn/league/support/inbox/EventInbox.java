package cn.league.support.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.EventEnvelope;

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
}
