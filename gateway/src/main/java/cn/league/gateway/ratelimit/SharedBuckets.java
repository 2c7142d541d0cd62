package cn.league.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.league.gateway.grid.GatewayGrid;

/**
 * The callers' token buckets on the gateway grid: one bucket per caller for all replicas together. A request takes
 * its token where the bucket lives (an entry processor on the member owning the caller's key), so two replicas never
 * both spend the same token. The caller's replica stamps the time, so the bucket's backup replays the same take.
 */
@Component
public class SharedBuckets {

    static final String MAP = "league-rate-buckets";
    private static final Duration MIN_IDLE = Duration.ofMinutes(1);

    private final IMap<String, TokenBucket> buckets;
    private final RateLimitProperties limit;
    private final Clock clock;

    @Autowired
    SharedBuckets(HazelcastInstance grid, RateLimitProperties limit) {
        this(grid, limit, Clock.systemUTC());
    }

    SharedBuckets(HazelcastInstance grid, RateLimitProperties limit, Clock clock) {
        this.buckets = grid.getMap(MAP);
        this.limit = limit;
        this.clock = clock;
    }

    /** The buckets' map: an untouched bucket goes once it would be full again anyway. */
    @Bean
    static MapConfig rateLimitBuckets(RateLimitProperties limit) {
        Duration fill = TokenBucket.timeToFill(limit.burst(), limit.requestsPerSecond());
        return new MapConfig(MAP)
                // the entry processor works on the object itself, no (de)serialization per request
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMaxIdleSeconds(GatewayGrid.seconds(fill.compareTo(MIN_IDLE) > 0 ? fill : MIN_IDLE));
    }

    /** Takes one of the caller's tokens: {@link Duration#ZERO} when granted, otherwise how long until one is there. */
    Mono<Duration> take(String caller) {
        TakeToken take = new TakeToken(limit.burst(), limit.requestsPerSecond(), epochNanos(clock.instant()));
        // the answer comes on a grid thread; the request goes on off it
        return Mono.fromCompletionStage(() -> buckets.submitToKey(caller, take))
                .publishOn(Schedulers.parallel())
                .map(Duration::ofNanos);
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Runs on the member that owns the caller's bucket (and again, with the same time, on its backup). */
    record TakeToken(int capacity, double perSecond, long now) implements EntryProcessor<String, TokenBucket, Long> {

        @Override
        public Long process(Map.Entry<String, TokenBucket> entry) {
            TokenBucket bucket = entry.getValue() != null ? entry.getValue() : new TokenBucket(capacity, perSecond, now);
            long wait = bucket.take(now).toNanos();
            entry.setValue(bucket);
            return wait;
        }
    }
}
