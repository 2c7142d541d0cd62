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

    static final int BATCH = 500;

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

    /** Expires every transfer overdue at {@code now}; returns how many this call expired. */
    public int expireAsOf(Instant now) {
        Instant cutoff = TransferDeadline.stepStartedNoLaterThan(now);
        return batches.run("league.transfer.expiry", () -> {
                List<Transfer> batch = transfers.lockExpired(cutoff, BATCH);
            batch.forEach(transfer -> {
                Transfer.Change change = transfer.expire(now);
                transfers.update(change.after());
                transfers.addEntry(transfer.id(), change.entry());
                publication.publish(change.after(), change.events());
            });
            return new Batch(batch.size(), batch.size() == BATCH);
        });
    }
}
