package cn.league.member.ageout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.member.ageout.AgeOutStore.Candidate;
import cn.league.member.membership.MembershipStore;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;
import cn.league.support.outbox.Outbox;

/**
 * The daily age-out (R-MEM-9): ends the membership of every member who has turned 28 and holds no post,
 * publishing MembershipEnded for each, in {@link ExclusiveBatches}: one replica at a time, reading only
 * memberships still there, so a second run changes nothing.
 */
@Component
public class AgeOut {

    static final int BATCH = 500;

    private final AgeOutStore store;
    private final MembershipStore memberships;
    private final Outbox outbox;
    private final ExclusiveBatches batches;
    private final Clock clock;
    private final ZoneId zone;

    AgeOut(AgeOutStore store, MembershipStore memberships, Outbox outbox, ExclusiveBatches batches, ObjectProvider<Clock> clock,
           @Value("${league.age-out.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.memberships = memberships;
        this.outbox = outbox;
        this.batches = batches;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${league.age-out.cron:0 20 2 * * *}", zone = "${league.age-out.zone:Asia/Shanghai}")
    void onSchedule() {
        runFor(LocalDate.now(clock.withZone(zone)));
    }

    /** Ends the memberships due on {@code today}; returns how many this call ended. */
    public int runFor(LocalDate today) {
        return batches.run("league.member.age-out", () -> endBatch(today));
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
        return new Batch(ended, due.size() == BATCH && ended > 0);
    }

}
