package cn.league.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.test.TopicReader;
import cn.league.contracts.EventJson;
import cn.league.support.outbox.SampleEvents.SampleRecorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class OutboxTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aCommittedEventReachesItsTopicWithEnvelopeKeyAndHeaders() {
        EventEnvelope<SampleRecorded> published = transaction.execute(status -> {
            jdbc.sql("insert into business_change (name) values ('committed')").update();
            return outbox.publish(SampleEvents.TOPIC, new SampleRecorded("committed"), "org-1", "1.2");
        });

        try (TopicReader reader = new TopicReader(bootstrapServers, SampleEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records =
                    reader.readUntilContains(published.eventId().toString(), Duration.ofSeconds(20));
            ConsumerRecord<String, String> record = records.stream()
                    .filter(r -> r.value().contains(published.eventId().toString())).findFirst().orElseThrow();

            assertThat(record.key()).isEqualTo("org-1");
            var envelope = EventJson.read(record.value());
            assertThat(envelope.type()).isEqualTo("SampleRecorded.v1");
            assertThat(envelope.orgPath()).isEqualTo("1.2");
            assertThat(EventJson.dataAs(envelope, SampleRecorded.class).name()).isEqualTo("committed");
            assertThat(new String(record.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                    .isEqualTo(published.eventId().toString());
            assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
                    .isEqualTo("SampleRecorded.v1");
        }
        assertThat(outboxSize()).isZero();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into business_change (name) values ('rolled-back')").update();
            outbox.publish(SampleEvents.TOPIC, new SampleRecorded("rolled-back"), "org-2", null);
            throw new IllegalStateException("the change fails after its event was stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outboxSize()).isZero();
        try (TopicReader reader = new TopicReader(bootstrapServers, SampleEvents.TOPIC)) {
            assertThat(reader.readFor(Duration.ofSeconds(3)))
                    .noneMatch(record -> record.value().contains("rolled-back"));
        }
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(SampleEvents.TOPIC, new SampleRecorded("loose"), "org-3", null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(outboxSize()).isZero();
    }

    @Test
    void eventsOfOneTransactionLeaveInOrder() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 50; i++) {
                outbox.publish(SampleEvents.TOPIC, new SampleRecorded("ordered-" + i), "org-ordered", null);
            }
        });

        try (TopicReader reader = new TopicReader(bootstrapServers, SampleEvents.TOPIC)) {
            List<String> names = reader.readUntilContains("ordered-49", Duration.ofSeconds(20)).stream()
                    .filter(record -> "org-ordered".equals(record.key()))
                    .map(record -> EventJson.dataAs(EventJson.read(record.value()), SampleRecorded.class).name())
                    .toList();
            assertThat(names).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 50).mapToObj(i -> "ordered-" + i).toList());
        }
    }

    @Test
    void aBatchOfEventsLeavesInTheOrderGivenWithEnvelopeAndKey() {
        List<Outbox.Publication> batch = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new Outbox.Publication(new SampleRecorded("batch-" + i), "org-batch-" + (i % 3), "1.7"))
                .toList();
        List<EventEnvelope<?>> published = transaction.execute(status -> {
            jdbc.sql("insert into business_change (name) values ('batch')").update();
            return outbox.publishAll(SampleEvents.TOPIC, batch);
        });
        assertThat(published).hasSize(300);

        try (TopicReader reader = new TopicReader(bootstrapServers, SampleEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.readUntilContains("batch-299", Duration.ofSeconds(20))
                    .stream().filter(record -> record.key().startsWith("org-batch-")).toList();
            for (int key = 0; key < 3; key++) {
                String aggregate = "org-batch-" + key;
                int first = key;
                assertThat(records.stream().filter(record -> record.key().equals(aggregate))
                        .map(record -> EventJson.dataAs(EventJson.read(record.value()), SampleRecorded.class).name())
                        .toList()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300)
                        .filter(i -> i % 3 == first).mapToObj(i -> "batch-" + i).toList());
            }
            ConsumerRecord<String, String> last = records.stream().filter(r -> r.value().contains("batch-299"))
                    .findFirst().orElseThrow();
            var envelope = EventJson.read(last.value());
            assertThat(envelope.eventId()).isEqualTo(published.getLast().eventId());
            assertThat(envelope.type()).isEqualTo("SampleRecorded.v1");
            assertThat(envelope.orgPath()).isEqualTo("1.7");
            assertThat(new String(last.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                    .isEqualTo(published.getLast().eventId().toString());
        }
        assertThat(outboxSize()).isZero();
    }

    @Test
    void aBatchKeepsEveryCharacterOfItsEventsAndKeys() {
        String awkward = "反斜杠\\ 制表\t 换行\n 回车\r 引号\" \\N 结束";
        List<Outbox.Publication> batch = List.of(
                new Outbox.Publication(new SampleRecorded("awkward-1 " + awkward), "org-awkward\t\\1", null),
                new Outbox.Publication(new SampleRecorded("awkward-2 " + awkward), "org-awkward-2", "1.7"));
        transaction.executeWithoutResult(status -> outbox.publishAll(SampleEvents.TOPIC, batch));

        try (TopicReader reader = new TopicReader(bootstrapServers, SampleEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.readUntilContains("awkward-2", Duration.ofSeconds(20))
                    .stream().filter(record -> record.value().contains("awkward-")).toList();
            assertThat(records).extracting(record -> EventJson.dataAs(EventJson.read(record.value()),
                    SampleRecorded.class).name()).containsExactlyInAnyOrder("awkward-1 " + awkward,
                    "awkward-2 " + awkward);
            assertThat(records).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("org-awkward\t\\1", "org-awkward-2");
            assertThat(records).extracting(record -> EventJson.read(record.value()).orgPath())
                    .containsExactlyInAnyOrder(null, "1.7");
        }
        assertThat(outboxSize()).isZero();
    }

    @Test
    void aRolledBackBatchPublishesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.publishAll(SampleEvents.TOPIC, List.of(
                    new Outbox.Publication(new SampleRecorded("batch-rolled-back-1"), "org-4", null),
                    new Outbox.Publication(new SampleRecorded("batch-rolled-back-2"), "org-4", null)));
            throw new IllegalStateException("the change fails after its events were stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outboxSize()).isZero();
        try (TopicReader reader = new TopicReader(bootstrapServers, SampleEvents.TOPIC)) {
            assertThat(reader.readFor(Duration.ofSeconds(3)))
                    .noneMatch(record -> record.value().contains("batch-rolled-back"));
        }
    }

    @Test
    void aBatchOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publishAll(SampleEvents.TOPIC,
                List.of(new Outbox.Publication(new SampleRecorded("loose-batch"), "org-5", null))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(outboxSize()).isZero();
    }

    private int outboxSize() {
        return jdbc.sql("select count(*) from platform.outbox_event").query(Integer.class).single();
    }
}
