package cn.league.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.support.outbox.SampleEvents.SampleRecorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gauges deploy/helm/league's OutboxBacklog alert reads: events waiting in the outbox and the age of the oldest.
 */
@SpringBootTest
class OutboxMetricsTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry serviceMeters;

    @Test
    void everyServiceHasTheGauges() {
        assertThat(serviceMeters.find("league.outbox.backlog").gauge()).isNotNull();
        assertThat(serviceMeters.find("league.outbox.oldest.age").gauge()).isNotNull();
    }

    @Test
    void eventsTheRelayHasNotSentAreCountedAndTheOldestAged() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new OutboxMetrics(jdbc).bindTo(prometheus);
        relay.stop();
        try {
            waitForEmptyOutbox();
            assertThat(prometheus.scrape()).contains("league_outbox_backlog 0.0").contains("league_outbox_oldest_age_seconds 0.0");

            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < 3; i++) {
                    outbox.publish(SampleEvents.TOPIC, new SampleRecorded("waiting-" + i), "org-metrics", null);
                }
            });
            Thread.sleep(1100);

            String scrape = prometheus.scrape();
            assertThat(scrape).contains("league_outbox_backlog 3.0");
            double age = Double.parseDouble(scrape.lines().filter(l -> l.startsWith("league_outbox_oldest_age_seconds "))
                    .findFirst().orElseThrow().split(" ")[1]);
            assertThat(age).isGreaterThanOrEqualTo(1.0).isLessThan(60.0);
        } finally {
            relay.start();
        }
        waitForEmptyOutbox();
        assertThat(prometheus.scrape()).contains("league_outbox_backlog 0.0");
    }

    private void waitForEmptyOutbox() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("select count(*) from platform.outbox_event").query(Long.class).single() > 0
                && System.currentTimeMillis() < deadline) {
            relay.relayBatch();
            Thread.sleep(100);
        }
    }
}
