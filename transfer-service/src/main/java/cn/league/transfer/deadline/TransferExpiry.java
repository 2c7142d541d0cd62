package cn.league.transfer.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.league.support.jobs.ExclusiveBatches.Batch;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferDeadline;
import cn.league.transfer.TransferPublication;
import cn.league.transfer.TransferStore;

/**
 * R-TR-5 (FAQ 76): ends every transfer whose step waited 10 days, in {@link ExclusiveBatches}: each part of the
 * overdue time span on one replica at a time, reading only what is still open and overdue, so a second run, a part
 * meeting its neighbour at their common bound, or a run racing an approval changes nothing twice.
 */
@Component
public class TransferExpiry {

    /** Rows per transaction: big enough that a million overdue transfers take few round trips. */
    static final int BATCH = 2_000;

    /**
     * Parts of the overdue span worked on at once, each by its own thread and connection: with one, a core waits
     * while the other side (this JVM or PostgreSQL) works on the batch — a million took 70 s instead of under 60.
     */
    static final int PARTS = 2;

    private final TransferStore transfers;
    private final TransferPublication publication;
    private final ExclusiveBatches batches;
    private final Clock clock;

    TransferExpiry(TransferStore transfers, TransferPublication publication, ExclusiveBatches batches,
                   ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.publication = publication;
        this.batches = batches;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${league.transfer.expiry-cron:0 */10 * * * *}")
    void onSchedule() {
        expireAsOf(clock.instant());
    }

    /**
     * Expires every transfer overdue at {@code now}; returns how many this call expired. The span from the oldest
     * open step to the cutoff is cut into {@link #PARTS} equal spans of time, expired at once.
     */
    public int expireAsOf(Instant now) {
        Instant cutoff = TransferDeadline.stepStartedNoLaterThan(now);
        Optional<Instant> oldest = transfers.oldestOpenStep();
        if (oldest.isEmpty() || oldest.get().isAfter(cutoff)) {
            return 0;
        }
        Duration span = Duration.between(oldest.get(), cutoff).dividedBy(PARTS);
        try (ExecutorService threads = Executors.newFixedThreadPool(PARTS)) {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int part = 0; part < PARTS; part++) {
                String job = "league.transfer.expiry." + part;
                Instant from = oldest.get().plus(span.multipliedBy(part));
                Instant to = part == PARTS - 1 ? cutoff : from.plus(span);
                parts.add(threads.submit(() -> expireBetween(job, from, to, now)));
            }
            int expired = 0;
            for (Future<Integer> part : parts) {
                expired += part.get();
            }
            return expired;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while expiring transfers", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed);
        }
    }

    /**
     * The open transfers whose step started in [{@code start}, {@code end}]. Each batch decides in plain Java
     * ({@link Transfer#expire}) and writes its rows, entries and events in three statements; the next batch starts
     * where it ended (a row skipped because an approval held it is left to the next run).
     */
    private int expireBetween(String job, Instant start, Instant end, Instant now) {
        Instant[] from = {start};
        return batches.run(job, () -> {
            List<Transfer> batch = transfers.lockExpired(from[0], end, BATCH);
            if (batch.isEmpty()) {
                return new Batch(0, false);
            }
            from[0] = batch.getLast().stepSince();
            List<Transfer.Change> changes = batch.stream().map(transfer -> transfer.expire(now)).toList();
            transfers.updateAll(changes.stream().map(Transfer.Change::after).toList());
            transfers.addEntries(batch.stream().map(Transfer::id).toList(),
                    changes.stream().map(Transfer.Change::entry).toList());
            publication.publishAll(changes);
            return new Batch(batch.size(), batch.size() == BATCH);
        });
    }
}
