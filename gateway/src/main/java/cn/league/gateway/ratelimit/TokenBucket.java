package cn.league.gateway.ratelimit;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code perSecond}. Times are wall-clock
 * nanoseconds, as every replica reads them alike; a replica whose clock lags another's refills nothing (never takes
 * tokens back).
 */
final class TokenBucket implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes one token; returns {@link Duration#ZERO} when granted, otherwise how long until one is there. */
    Duration take(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Time an untouched bucket needs to be full again; after that it is no different from a new one. */
    static Duration timeToFill(int capacity, double perSecond) {
        return Duration.ofNanos((long) Math.ceil(capacity / perSecond * NANOS_PER_SECOND));
    }
}
