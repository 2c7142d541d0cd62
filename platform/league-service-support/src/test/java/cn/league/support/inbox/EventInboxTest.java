package cn.league.support.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.EventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@Import(EventInboxTest.Listener.class)
class EventInboxTest {

    static final String TOPIC = "league.test.inbox";

    @EventType("NoteTaken.v1")
    record NoteTaken(String note) {
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventInbox inbox;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        var event = EventEnvelope.wrap(new NoteTaken("twice"), "org-9", null, null, java.time.Instant.now());
        String json = EventJson.write(event);

        kafka.send(TOPIC, "org-9", json).get();
        kafka.send(TOPIC, "org-9", json).get();
        var marker = EventEnvelope.wrap(new NoteTaken("marker"), "org-9", null, null, java.time.Instant.now());
        kafka.send(TOPIC, "org-9", EventJson.write(marker)).get();

        waitUntilApplied(marker.eventId());
        assertThat(timesApplied(event.eventId())).isEqualTo(1);
    }

    @Test
    void aFailedEffectRecordsNothingSoTheEventCanBeRetried() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> inbox.applyOnce("test-consumer", eventId, () -> {
            attempts.incrementAndGet();
            jdbc.sql("insert into applied_effect (event_id, note) values (?, 'half done')").param(eventId).update();
            throw new IllegalStateException("effect failed halfway");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(timesApplied(eventId)).as("the half-done effect was rolled back").isZero();

        boolean applied = inbox.applyOnce("test-consumer", eventId, () -> {
            attempts.incrementAndGet();
            jdbc.sql("insert into applied_effect (event_id, note) values (?, 'done')").param(eventId).update();
        });

        assertThat(applied).isTrue();
        assertThat(attempts).hasValue(2);
        assertThat(timesApplied(eventId)).isEqualTo(1);
        assertThat(inbox.applyOnce("test-consumer", eventId, () -> attempts.incrementAndGet())).isFalse();
        assertThat(inbox.applyOnce("another-consumer", eventId, () -> attempts.incrementAndGet()))
                .as("each consumer applies an event once").isTrue();
    }

    @Test
    void aBatchAppliesEachEventOnceInOrderAndSkipsWhatItIgnores() {
        var applied = EventEnvelope.wrap(new NoteTaken("before"), "org-9", null, null, java.time.Instant.now());
        inbox.applyOnce("batch-test", applied, () -> { });
        var first = EventEnvelope.wrap(new NoteTaken("first"), "org-9", null, null, java.time.Instant.now());
        var ignored = EventEnvelope.wrap(new NoteTaken("ignored"), "org-9", null, null, java.time.Instant.now());
        var second = EventEnvelope.wrap(new NoteTaken("second"), "org-9", null, null, java.time.Instant.now());
        List<String> effects = new ArrayList<>();

        inbox.applyBatch("batch-test", records(applied, first, ignored, first, second, null), event -> {
            String note = EventJson.dataAs(event, NoteTaken.class).note();
            return note.equals("ignored") ? null : () -> effects.add(note);
        });

        assertThat(effects).containsExactly("first", "second");
    }

    @Test
    void aFailingEventInABatchKeepsTheEventsBeforeItAndIsReportedAsTheRecordToRetryFrom() {
        var events = new ArrayList<EventEnvelope<NoteTaken>>();
        for (String note : List.of("a", "b", "fails", "d")) {
            events.add(EventEnvelope.wrap(new NoteTaken(note), "org-9", null, null, java.time.Instant.now()));
        }

        var records = records(events.toArray());
        assertThatThrownBy(() -> inbox.applyBatch("batch-fail-test", records, event -> () -> {
            NoteTaken note = EventJson.dataAs(event, NoteTaken.class);
            jdbc.sql("insert into applied_effect (event_id, note) values (?, ?)")
                    .params(event.eventId(), note.note()).update();
            if (note.note().equals("fails")) {
                throw new IllegalStateException("effect failed");
            }
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getRecord())
                .isSameAs(records.get(2)));

        assertThat(events.stream().map(e -> timesApplied(e.eventId())).toList())
                .as("a and b stored in their own transactions; the failing one and what follows it left for the retry")
                .containsExactly(1, 1, 0, 0);
        assertThat(inbox.applyOnce("batch-fail-test", events.get(0).eventId(), () -> { })).isFalse();
        assertThat(inbox.applyOnce("batch-fail-test", events.get(2).eventId(), () -> { })).isTrue();
    }

    /** Records as a batch listener gets them; null stands for a tombstone. */
    private static List<ConsumerRecord<String, String>> records(Object... events) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (Object event : events) {
            records.add(new ConsumerRecord<>(TOPIC, 0, records.size(), "org-9",
                    event == null ? null : EventJson.write((EventEnvelope<?>) event)));
        }
        return records;
    }

    private int timesApplied(UUID eventId) {
        return jdbc.sql("select count(*) from applied_effect where event_id = ?").param(eventId)
                .query(Integer.class).single();
    }

    private void waitUntilApplied(UUID eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (timesApplied(eventId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(timesApplied(eventId)).isEqualTo(1);
    }

    @TestConfiguration
    static class Listener {

        private final EventInbox inbox;
        private final JdbcClient jdbc;

        Listener(EventInbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = TOPIC, groupId = "inbox-test")
        void on(String json) {
            var event = EventJson.read(json);
            NoteTaken note = EventJson.dataAs(event, NoteTaken.class);
            inbox.applyOnce("inbox-test", event, () ->
                    jdbc.sql("insert into applied_effect (event_id, note) values (?, ?)")
                            .params(event.eventId(), note.note()).update());
        }
    }
}
