package cn.league.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as Prometheus sees it, read from the table at each scrape (deploy/helm/league's alerts use both):
 * {@code league_outbox_backlog} events stored and not yet acknowledged by Kafka, and
 * {@code league_outbox_oldest_age_seconds} how long the oldest of them has waited (0 when none waits). A backlog
 * that keeps growing, or an oldest event minutes old, means the relay cannot reach Kafka. NaN while the database
 * does not answer.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    public OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // strong references: a gauge holds its object weakly and reads NaN once nothing else keeps it
        Gauge.builder("league.outbox.backlog", this, OutboxMetrics::backlog)
                .strongReference(true)
                .description("events stored in the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("league.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .strongReference(true)
                .description("how long the oldest event in the outbox has waited (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    double backlog() {
        try {
            return jdbc.sql("select count(*) from platform.outbox_event").query(Long.class).single();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    double oldestAgeSeconds() {
        try {
            // the oldest by id: the primary key's index, no scan of a large backlog
            return jdbc.sql("""
                            select coalesce(extract(epoch from now() - (select created_at from platform.outbox_event
                                                                         order by id limit 1)), 0)""")
                    .query(Double.class).single();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
