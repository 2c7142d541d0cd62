package cn.league.stats.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moments for the snapshots tests take, each later than any before in this JVM and than any the scheduler takes: the
 * API answers from the latest snapshot, so each test's is the one it reads.
 */
public final class LatestSnapshot {

    private static final Instant FUTURE = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    private static final AtomicLong HOURS = new AtomicLong();

    private LatestSnapshot() {
    }

    public static Instant next() {
        return FUTURE.plus(HOURS.incrementAndGet(), ChronoUnit.HOURS);
    }
}
