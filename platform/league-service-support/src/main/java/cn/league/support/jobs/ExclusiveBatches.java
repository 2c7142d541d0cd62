package cn.league.support.jobs;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a job batch by batch, each batch in its own transaction, on one replica at a time: every batch
 * first takes a PostgreSQL advisory lock named after the job for its transaction, and the run ends when
 * another replica holds it (that one is doing the work) or when a batch says nothing more waits. Jobs read
 * only what is still due, so a second run, or one racing a user's decision, changes nothing twice.
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

    public ExclusiveBatches(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Runs {@code batch} until it says nothing more waits; returns how many items this run handled. */
    public int run(String job, Supplier<Batch> batch) {
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
