package cn.league.support.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a job batch by batch, each batch in its own transaction, on one replica at a time: every batch
 * first takes a PostgreSQL advisory lock named after the job for its transaction, and the run ends when
 * another replica holds it (that one is doing the work) or when a batch says nothing more waits. Jobs read
 * only what is still due, so a second run, or one racing a user's decision, changes nothing twice.
 * <p>
 * Each run is counted in {@code league_job_runs_total{name, outcome="success"|"failure"}}, and a run that ended well
 * sets {@code league_job_last_success_seconds{name}} (Unix time): the chart's alert on failing jobs reads these.
 */
public class ExclusiveBatches {

    /**
     * What one batch did.
     *
     * @param handled how many items it changed
     * @param more    whether more items may be waiting
     */
    public record Batch(int handled, boolean more) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public ExclusiveBatches(JdbcClient jdbc, TransactionTemplate transaction) {
        this(jdbc, transaction, new CompositeMeterRegistry());
    }

    public ExclusiveBatches(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.meters = meters;
    }

    /** Runs {@code batch} until it says nothing more waits; returns how many items this run handled. */
    public int run(String job, Supplier<Batch> batch) {
        int handled;
        try {
            handled = runBatches(job, batch);
        } catch (RuntimeException | Error failure) {
            runs(job, "failure").increment();
            throw failure;
        }
        runs(job, "success").increment();
        lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong seconds = new AtomicLong();
            Gauge.builder("league.job.last.success", seconds, AtomicLong::get)
                    .description("when the job last ran to its end without failing (Unix time)")
                    .baseUnit("seconds").tag("name", name).register(meters);
            return seconds;
        }).set(System.currentTimeMillis() / 1000);
        return handled;
    }

    private Counter runs(String job, String outcome) {
        return Counter.builder("league.job.runs").description("runs of a scheduled job, by how they ended")
                .tag("name", job).tag("outcome", outcome).register(meters);
    }

    private int runBatches(String job, Supplier<Batch> batch) {
        int total = 0;
        while (true) {
            Batch done = transaction.execute(status -> isMine(job) ? batch.get() : null);
            if (done == null) {
                return total;
            }
            total += done.handled();
            if (!done.more()) {
                return total;
            }
        }
    }

    private boolean isMine(String job) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))").param(job).query(Boolean.class).single();
    }
}
