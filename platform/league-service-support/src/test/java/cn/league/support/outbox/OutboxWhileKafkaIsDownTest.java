package cn.league.support.outbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.test.TopicReader;
import cn.league.support.outbox.SampleEvents.SampleRecorded;
import cn.league.test.TcpGate;
import cn.league.test.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's only way to Kafka is closed when the event commits, and opens later. */
@SpringBootTest(properties = "league.outbox.idle-poll=300ms")
class OutboxWhileKafkaIsDownTest {

    private static final TcpGate KAFKA = TcpGate.to(TestKafka.bootstrapServers());

    @DynamicPropertySource
    static void kafkaBehindTheGate(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::address);
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventCommittedWhileKafkaIsUnreachableIsDeliveredOnceKafkaIsBack() throws Exception {
        long started = System.nanoTime();
        EventEnvelope<SampleRecorded> published = transaction.execute(status ->
                outbox.publish(SampleEvents.TOPIC, new SampleRecorded("while-down"), "org-down", null));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the change commits without waiting for Kafka")
                .isLessThan(Duration.ofSeconds(2));

        Thread.sleep(5000);
        assertThat(stored(published)).as("the event waits in the outbox while Kafka is unreachable").isTrue();

        KAFKA.open();

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), SampleEvents.TOPIC)) {
            var records = reader.readUntilContains(published.eventId().toString(), Duration.ofSeconds(30));
            assertThat(records).filteredOn(r -> r.value().contains(published.eventId().toString())).hasSize(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stored(published) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(stored(published)).as("acknowledged events leave the outbox").isFalse();
    }

    private boolean stored(EventEnvelope<?> event) {
        return jdbc.sql("select count(*) from platform.outbox_event where event_id = ?")
                .param(event.eventId()).query(Integer.class).single() == 1;
    }

    @AfterAll
    static void closeGate() {
        KAFKA.close();
    }
}
