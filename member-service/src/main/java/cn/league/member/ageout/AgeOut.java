package cn.league.member.ageout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.member.ageout.AgeOutStore.Candidate;
import cn.league.member.membership.MembershipStore;
import cn.league.support.outbox.Outbox;

/**
 * The daily age-out (R-MEM-9): ends the membership of every member who has turned 28 and holds no post,
 * publishing MembershipEnded for each. Runs on every replica; each batch holds a PostgreSQL advisory lock for
 * its transaction, so one replica works at a time, and reads only memberships still there, so a second run
 * changes nothing.
 */
@Component
public class AgeOut {

    static final int BATCH = 500;

    private final AgeOutStore store;
    private final MembershipStore memberships;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    AgeOut(AgeOutStore store, MembershipStore memberships, Outbox outbox, PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
           @Value("${league.age-out.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.memberships = memberships;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${league.age-out.cron:0 20 2 * * *}", zone = "${league.age-out.zone:Asia/Shanghai}")
    void onSchedule() {
        runFor(LocalDate.now(clock.withZone(zone)));
    }

    /** Ends the memberships due on {@code today}; returns how many this call ended. */
    public int runFor(LocalDate today) {
        int total = 0;
        while (true) {
            Batch batch = transaction.execute(status -> store.tryLock() ? endBatch(today) : null);
            if (batch == null) {
                return total; // another replica is at it
            }
            total += batch.ended();
            if (batch.last()) {
                return total;
            }
        }
    }

    private Batch endBatch(LocalDate today) {
        List<Candidate> due = store.candidates(AgeOutRule.bornOnOrBefore(today), BATCH);
        int ended = 0;
        for (Candidate member : due) {
            if (AgeOutRule.endsMembership(member.birthDate(), member.holdsPost(), today)) {
                memberships.endMembership(member.idNumber(), clock.instant(), AgeOutRule.REASON);
                outbox.publish(Topics.MEMBER_EVENTS,
                        new MembershipEnded(member.idNumber(), member.branchId(), AgeOutRule.REASON),
                        member.idNumber(), member.orgPath());
                ended++;
            }
        }
        return new Batch(ended, due.size() < BATCH || ended == 0);
    }

    private record Batch(int ended, boolean last) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
