package cn.league.support.inbox;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

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
