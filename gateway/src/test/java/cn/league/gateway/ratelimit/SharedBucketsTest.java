package cn.league.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.league.gateway.grid.TwoMembers;

import static org.assertj.core.api.Assertions.assertThat;

/** One caller's bucket is one bucket for two gateway replicas (two grid members), whichever replica takes. */
class SharedBucketsTest {

    static final RateLimitProperties LIMIT = new RateLimitProperties(1, 6);
    static TwoMembers grid;

    @BeforeAll
    static void grid() {
        grid = new TwoMembers(List.of(SharedBuckets.rateLimitBuckets(LIMIT)));
    }

    @AfterAll
    static void stop() {
        grid.close();
    }

    @Test
    void aCallerSpendsOneBurstAcrossBothReplicas() {
        Clock frozen = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);
        SharedBuckets first = new SharedBuckets(grid.first, LIMIT, frozen);
        SharedBuckets second = new SharedBuckets(grid.second, LIMIT, frozen);

        for (int i = 0; i < 3; i++) {
            assertThat(first.take("user:a").block()).isZero();
            assertThat(second.take("user:a").block()).isZero();
        }

        assertThat(first.take("user:a").block()).isEqualTo(Duration.ofSeconds(1));
        assertThat(second.take("user:a").block()).isEqualTo(Duration.ofSeconds(1));
        assertThat(second.take("user:b").block()).as("another caller has a bucket of their own").isZero();
    }

    @Test
    void tokensComeBackWithTimeOnEitherReplica() {
        Instant start = Instant.parse("2026-12-03T03:00:00Z");
        SharedBuckets first = new SharedBuckets(grid.first, LIMIT, Clock.fixed(start, ZoneOffset.UTC));
        SharedBuckets secondLater = new SharedBuckets(grid.second, LIMIT,
                Clock.fixed(start.plusMillis(2500), ZoneOffset.UTC));
        for (int i = 0; i < 6; i++) {
            assertThat(first.take("ip:192.0.2.7").block()).isZero();
        }
        assertThat(first.take("ip:192.0.2.7").block()).isPositive();

        assertThat(secondLater.take("ip:192.0.2.7").block()).as("2.5 s later: two tokens back").isZero();
        assertThat(secondLater.take("ip:192.0.2.7").block()).isZero();
        assertThat(secondLater.take("ip:192.0.2.7").block()).isEqualTo(Duration.ofMillis(500));
        assertThat(first.take("ip:192.0.2.7").block()).as("a replica whose clock lags refills nothing and takes "
                + "nothing back").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theBucketsOutliveTheReplicaThatMadeThem() {
        Clock frozen = Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneOffset.UTC);
        try (TwoMembers own = new TwoMembers(List.of(SharedBuckets.rateLimitBuckets(LIMIT)))) {
            SharedBuckets first = new SharedBuckets(own.first, LIMIT, frozen);
            for (int i = 0; i < 40; i++) {
                for (int token = 0; token < 6; token++) {
                    assertThat(first.take("user:" + i).block()).isZero();
                }
            }
            own.first.getLifecycleService().terminate(); // as kill -9: the backups on the second member take over

            SharedBuckets second = new SharedBuckets(own.second, LIMIT, frozen);
            for (int i = 0; i < 40; i++) {
                assertThat(second.take("user:" + i).block()).as("user %d", i).isPositive();
            }
        }
    }
}
