package cn.league.transfer.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferDeadline;
import cn.league.transfer.messaging.TransferPublication;
import cn.league.transfer.store.TransferStore;

/**
 * R-TR-5 (FAQ 76): ends every transfer whose step waited 10 days, in {@link ExclusiveBatches}: one replica at
 * a time, reading only what is still open and overdue, so a second run or one racing an approval changes
 * nothing twice.
 */
@Component
public class TransferExpiry {

    /** Rows per transaction: big enough that a million overdue transfers take few round trips. */
    static final int BATCH = 2_000;

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
     * Expires every transfer overdue at {@code now}; returns how many this call expired. Each batch decides in
     * plain Java ({@link Transfer#expire}) and writes its rows, entries and events in three statements; the next
     * batch starts where it ended (a row skipped because an approval held it is left to the next run).
     */
    public int expireAsOf(Instant now) {
        Instant cutoff = TransferDeadline.stepStartedNoLaterThan(now);
        Instant[] from = {Instant.EPOCH};
        return batches.run("league.transfer.expiry", () -> {
            List<Transfer> batch = transfers.lockExpired(from[0], cutoff, BATCH);
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
