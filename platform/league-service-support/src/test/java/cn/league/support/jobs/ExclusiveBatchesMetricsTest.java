package cn.league.support.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.support.jobs.ExclusiveBatches.Batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The counters deploy/helm/league's ScheduledJobFailing alert reads. */
@SpringBootTest
class ExclusiveBatchesMetricsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ExclusiveBatches serviceBatches;
    @Autowired
    MeterRegistry serviceMeters;

    @Test
    void aRunThatFailsIsCountedAsAFailureAndOneThatEndsWellSetsTheLastSuccess() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ExclusiveBatches batches = new ExclusiveBatches(jdbc, transaction, prometheus);

        assertThat(batches.run("metrics-test", () -> new Batch(2, false))).isEqualTo(2);
        assertThatThrownBy(() -> batches.run("metrics-test", () -> {
            throw new IllegalStateException("the job broke");
        })).hasMessage("the job broke");

        String scrape = prometheus.scrape();
        assertThat(scrape).contains("league_job_runs_total{name=\"metrics-test\",outcome=\"success\"} 1.0")
                .contains("league_job_runs_total{name=\"metrics-test\",outcome=\"failure\"} 1.0");
        double lastSuccess = Double.parseDouble(scrape.lines()
                .filter(l -> l.startsWith("league_job_last_success_seconds{name=\"metrics-test\"}"))
                .findFirst().orElseThrow().split(" ")[1]);
        assertThat(lastSuccess).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
    }

    @Test
    void theServicesBatchesCountInTheServicesRegistry() {
        serviceBatches.run("metrics-wiring", () -> new Batch(0, false));
        assertThat(serviceMeters.find("league.job.runs").tag("name", "metrics-wiring").tag("outcome", "success")
                .counter().count()).isEqualTo(1.0);
    }
}
