package cn.league.transfer.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.transfer.Transfer;
import cn.league.transfer.TransferDeadline;
import cn.league.transfer.messaging.TransferPublication;
import cn.league.transfer.store.TransferStore;

/**
 * R-TR-5 (FAQ 76): ends every transfer whose step waited 10 days. Runs on every replica; each batch takes a
 * PostgreSQL advisory lock for its transaction, so one replica works at a time, and reads only what is still
 * open and still overdue, so a second run, or one racing an approval, changes nothing twice.
 */
@Component
public class TransferExpiry {

    static final int BATCH = 500;

    private final TransferStore transfers;
    private final TransferPublication publication;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TransferExpiry(TransferStore transfers, TransferPublication publication, PlatformTransactionManager transactions,
                   ObjectProvider<Clock> clock) {
        this.transfers = transfers;
        this.publication = publication;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${league.transfer.expiry-cron:0 */10 * * * *}")
    void onSchedule() {
        expireAsOf(clock.instant());
    }

    /** Expires every transfer overdue at {@code now}; returns how many this call expired. */
    public int expireAsOf(Instant now) {
        Instant cutoff = TransferDeadline.stepStartedNoLaterThan(now);
        int total = 0;
        while (true) {
            Integer expired = transaction.execute(status -> {
                if (!transfers.tryExpiryLock()) {
                    return null; // another replica is expiring
                }
                List<Transfer> batch = transfers.lockExpired(cutoff, BATCH);
                batch.forEach(transfer -> {
                    Transfer.Change change = transfer.expire(now);
                    transfers.update(change.after());
                    transfers.addEntry(transfer.id(), change.entry());
                    publication.publish(change.after(), change.events());
                });
                return batch.size();
            });
            if (expired == null) {
                return total;
            }
            total += expired;
            if (expired < BATCH) {
                return total;
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
