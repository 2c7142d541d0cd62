package cn.league.stats.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;

/**
 * R-STAT-5 (FAQ 30): the figures are fixed at each full hour — the org tree's subtree sums of the projection's own
 * figures, stored as a snapshot the API answers from, labelled with its hour. One replica takes it (an advisory
 * lock, {@link ExclusiveBatches}); a second one finds it taken. Hourly snapshots are kept for
 * {@code league.stats.snapshot.keep-hours}, the midnight one of every day for ever (trends).
 */
@Service
public class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final SnapshotStore store;
    private final ExclusiveBatches batches;
    private final Clock clock;
    private final Duration keep;

    Snapshots(SnapshotStore store, ExclusiveBatches batches, ObjectProvider<Clock> clock,
              @Value("${league.stats.snapshot.keep-hours:72}") long keepHours) {
        this.store = store;
        this.batches = batches;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.keep = Duration.ofHours(keepHours);
    }

    /** At each full hour (Beijing time); the cron is configurable to watch figures move in a demo. */
    @Scheduled(cron = "${league.stats.snapshot.cron:0 0 * * * *}", zone = "Asia/Shanghai")
    void onTheHour() {
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        take(asOf);
        store.prune(asOf.minus(keep));
    }

    /** A service with no snapshot yet (first start) takes one at once rather than answer nothing for up to an hour. */
    @EventListener(ApplicationReadyEvent.class)
    void firstStart() {
        if (store.latest().isEmpty()) {
            take(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** Takes the snapshot as of {@code asOf} unless it exists; @return whether this call took it. */
    public boolean take(Instant asOf) {
        return batches.run("stats-snapshot", () -> {
            if (store.exists(asOf)) {
                return new Batch(0, false);
            }
            long started = System.nanoTime();
            long snapshotId = store.insert(asOf);
            int rows = store.writeFigures(snapshotId, store.treeWithOwnFigures());
            long millis = (System.nanoTime() - started) / 1_000_000;
            store.finished(snapshotId, millis);
            log.info("snapshot as of {}: {} figures in {} ms", asOf, rows, millis);
            return new Batch(1, false);
        }) > 0;
    }
}
