package cn.league.member.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationOutcome;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;
import cn.league.support.outbox.Outbox;

/**
 * R-AUTH-4: terminates self-registrations left undecided for 10 days ({@link RegistrationDeadline}), in
 * {@link ExclusiveBatches}: one replica at a time, and a second run changes nothing twice.
 */
@Component
public class RegistrationExpiry {

    static final int BATCH = 500;

    private final RegistrationStore registrations;
    private final Outbox outbox;
    private final ExclusiveBatches batches;
    private final Clock clock;

    RegistrationExpiry(RegistrationStore registrations, Outbox outbox, ExclusiveBatches batches,
                       ObjectProvider<Clock> clock) {
        this.registrations = registrations;
        this.outbox = outbox;
        this.batches = batches;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${league.registration.expiry-cron:0 */10 * * * *}")
    void onSchedule() {
        expireAsOf(clock.instant());
    }

    /** Expires every request undecided at {@code now}; returns how many this call expired. */
    public int expireAsOf(Instant now) {
        Instant cutoff = RegistrationDeadline.requestedNoLaterThan(now);
        return batches.run("league.member.registration-expiry", () -> {
                List<Registration> batch = registrations.expire(cutoff, now, BATCH);
            batch.forEach(registration -> outbox.publish(Topics.MEMBER_EVENTS,
                    new RegistrationClosed(registration.id(), registration.idNumber(), registration.orgId(),
                            RegistrationOutcome.EXPIRED, null, null),
                    registration.idNumber(), registration.orgPath()));
            return new Batch(batch.size(), batch.size() == BATCH);
        });
    }
}
