package cn.league.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenOneTokenPerInterval() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(bucket.take(SECOND / 4)).isZero();
        assertThat(bucket.take(10 * SECOND)).as("never more than the burst").isZero();
        assertThat(bucket.take(10 * SECOND)).isZero();
        assertThat(bucket.take(10 * SECOND)).isPositive();
    }

    @Test
    void anEarlierTimeFromAnotherReplicaTakesNothingBack() {
        TokenBucket bucket = new TokenBucket(1, 1, 5 * SECOND);
        assertThat(bucket.take(5 * SECOND)).isZero();

        assertThat(bucket.take(4 * SECOND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.take(6 * SECOND)).isZero();
    }
}
