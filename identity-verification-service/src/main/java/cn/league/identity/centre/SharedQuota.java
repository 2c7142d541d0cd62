package cn.league.identity.centre;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The centre's quota, shared by every replica of this service: a token bucket in one PostgreSQL row
 * ({@code centre_quota}) that fills at {@code pairsPerSecond} and holds at most one batch. A call draws its pairs
 * and waits until they are earned — the bucket may go below zero, so callers queue up in the order they drew — and
 * all replicas together send at the bucket's rate however many there are. A per-replica limiter alone would need
 * its share changed whenever the replicas are scaled.
 */
public class SharedQuota implements GuardedCentre.Quota {

    private final JdbcClient jdbc;
    private final double pairsPerSecond;
    private final int burst;

    public SharedQuota(JdbcClient jdbc, int pairsPerSecond, int burst) {
        this.jdbc = jdbc;
        this.pairsPerSecond = pairsPerSecond;
        this.burst = burst;
    }

    /** Draws {@code pairs} and sleeps until the bucket has earned them. */
    @Override
    public void acquire(int pairs) {
        Duration wait = draw(pairs);
        if (wait.isPositive()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CentreUnavailable("interrupted while waiting for the quota", true, interrupted);
            }
        }
    }

    /** Draws {@code pairs} from the bucket; @return how long the caller must wait before sending them */
    Duration draw(int pairs) {
        double left = jdbc.sql("""
                        update centre_quota
                           set tokens = least(cast(? as double precision),
                                              tokens + extract(epoch from clock_timestamp() - refilled_at) * ?) - ?,
                               refilled_at = clock_timestamp()
                         where id = 1
                        returning tokens""")
                .params(burst, pairsPerSecond, pairs)
                .query(Double.class).single();
        return left >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-left / pairsPerSecond * 1e9));
    }
}
