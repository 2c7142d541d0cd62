package cn.league.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends stored events to Kafka in the order they were stored, and deletes them only once the broker
 * has acknowledged them. While Kafka is unreachable the events wait in the table; they go out as
 * soon as it is back. One replica at a time relays (a PostgreSQL advisory lock), which keeps each
 * aggregate's events in order; a crash between send and delete may send an event again, which
 * idempotent consumers absorb.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6c65616775650001L; // "league" + 1
    /** The header naming each event's type, so consumers may pass over events without reading them. */
    public static final String TYPE_HEADER = "eventType";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final int batchSize;
    private final Duration idlePoll;
    private final Duration sendTimeout;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;

    /**
     * @param producers the service's producers: the relay makes one of its own from them (its client id
     *                  {@code clientId}) that takes the stored JSON as the database returns it, UTF-8 bytes (decoded
     *                  to a String and encoded again, it cost a third of the relay's time)
     */
    @SuppressWarnings("unchecked")
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, ProducerFactory<?, ?> producers,
                       String clientId, int batchSize, Duration idlePoll, Duration sendTimeout) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = new KafkaTemplate<>((ProducerFactory<String, byte[]>) producers,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                        ProducerConfig.CLIENT_ID_CONFIG, clientId));
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.sendTimeout = sendTimeout;
    }

    /** Called after a commit that stored events, so they leave at once rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    /** Sends one batch; returns how many events left the table. */
    public int relayBatch() {
        Integer sent = transaction.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return 0;
            }
            List<StoredEvent> batch = jdbc.sql("""
                            select id, event_id, topic, message_key, event_type, traceparent, payload
                            from platform.outbox_event order by id limit ?""")
                    .param(batchSize)
                    // an explicit mapper: the reflective one cost the relay more than reading the rows (bulk profile)
                    .query((row, n) -> new StoredEvent(row.getLong(1), row.getObject(2, UUID.class),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getBytes(7)))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            // exactly the rows sent: "id <= last" also took rows with a lower id whose transaction committed
            // after the read (ids are taken at insert, not at commit), and those events were lost
            jdbc.sql("delete from platform.outbox_event where id = any(?)")
                    .param(batch.stream().map(StoredEvent::id).toArray(Long[]::new))
                    .update();
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(List<StoredEvent> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.messageKey(),
                    event.payload());
            record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(TYPE_HEADER, event.eventType().getBytes(StandardCharsets.UTF_8));
            if (event.traceparent() != null) {
                record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8));
            }
            acks.add(kafka.send(record));
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it stays in the outbox", failure);
        }
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                if (relayBatch() < batchSize) {
                    wakeUps.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                log.warn("outbox relay failed, retrying: {}", failure.getMessage());
                pause(idlePoll);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(sendTimeout.toMillis() + 1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Closes the relay's own producer. */
    @Override
    public void destroy() {
        kafka.destroy();
    }

    record StoredEvent(long id, UUID eventId, String topic, String messageKey, String eventType, String traceparent,
                       byte[] payload) {
    }
}
