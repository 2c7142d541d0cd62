package cn.league.identity.centre;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import cn.league.identity.centre.CentreClient.Pair;
import cn.league.identity.centre.CentreClient.Result;

/**
 * Every call to the centre, guarded: a bulkhead caps the batches in flight; each attempt draws its pairs from the
 * {@link SharedQuota} of all replicas, and a rate limiter spends one permit per pair so that this replica alone never
 * sends faster than that either, even in bursts; a retry with exponential backoff repeats 5xx, 429 and timeouts;
 * a circuit breaker stops sending for {@code openFor} when most recent calls failed (an outage), then lets a few
 * through and closes by itself when they pass. A batch still failing goes back to the queue, nothing is lost.
 */
public class GuardedCentre {

    /** The centre's quota, drawn from before each attempt: {@link SharedQuota}. */
    public interface Quota {

        /** Returns when {@code pairs} may be sent. */
        void acquire(int pairs);
    }

    private final CentreClient client;
    private final Quota quota;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public GuardedCentre(CentreClient client, Quota quota, CentreProperties properties) {
        this.client = client;
        this.quota = quota;
        this.bulkhead = Bulkhead.of("identity-centre", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.concurrentBatches())
                .maxWaitDuration(properties.readTimeout())
                .build());
        // permits refreshed every 100 ms rather than once a second: spread evenly, a second of ours never
        // straddles two of the centre's seconds with a full quota in each
        this.rateLimiter = RateLimiter.of("identity-centre", RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, properties.pairsPerSecond() / 10))
                .limitRefreshPeriod(Duration.ofMillis(100))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
        this.retry = Retry.of("identity-centre", RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.firstBackoff(), 2.0))
                .retryExceptions(CentreUnavailable.class)
                .build());
        this.circuitBreaker = CircuitBreaker.of("identity-centre", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .recordException(failure -> failure instanceof CentreUnavailable unavailable && !unavailable.busy())
                .waitDurationInOpenState(properties.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    /**
     * @throws CentreUnavailable when every attempt failed
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the circuit is open
     * @throws io.github.resilience4j.bulkhead.BulkheadFullException when too many batches are in flight
     */
    public List<Result> check(List<Pair> pairs) {
        Supplier<List<Result>> limited = RateLimiter.decorateSupplier(rateLimiter, pairs.size(), () -> {
            quota.acquire(pairs.size());
            return client.check(pairs);
        });
        Supplier<List<Result>> broken = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
        return Bulkhead.decorateSupplier(bulkhead, Retry.decorateSupplier(retry, broken)).get();
    }

    public CircuitBreaker.State circuit() {
        return circuitBreaker.getState();
    }

    public boolean up() {
        return client.up();
    }
}
