package cn.league.member.registration;

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

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationOutcome;
import cn.league.support.outbox.Outbox;

/**
 * R-AUTH-4: terminates self-registrations left undecided for 10 days ({@link RegistrationDeadline}). Runs on
 * every replica; each batch takes a PostgreSQL advisory lock for its transaction, so only one replica works at
 * a time, and each batch reads what is still pending, so a second run, or a run racing an admin's decision,
 * changes nothing twice.
 */
@Component
public class RegistrationExpiry {

    static final int BATCH = 500;

    private final RegistrationStore registrations;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RegistrationExpiry(RegistrationStore registrations, Outbox outbox, PlatformTransactionManager transactions,
                       ObjectProvider<Clock> clock) {
        this.registrations = registrations;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${league.registration.expiry-cron:0 */10 * * * *}")
    void onSchedule() {
        expireAsOf(clock.instant());
    }

    /** Expires every request undecided at {@code now}; returns how many this call expired. */
    public int expireAsOf(Instant now) {
        Instant cutoff = RegistrationDeadline.requestedNoLaterThan(now);
        int total = 0;
        while (true) {
            Integer expired = transaction.execute(status -> {
                if (!registrations.tryExpiryLock()) {
                    return null; // another replica is expiring
                }
                List<Registration> batch = registrations.expire(cutoff, now, BATCH);
                batch.forEach(registration -> outbox.publish(Topics.MEMBER_EVENTS,
                        new RegistrationClosed(registration.id(), registration.idNumber(), registration.orgId(),
                                RegistrationOutcome.EXPIRED, null, null),
                        registration.idNumber(), registration.orgPath()));
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
