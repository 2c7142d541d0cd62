package cn.league.identity.centre;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.identity.support.ManualWorkerContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The centre's quota is one for every replica: two replicas drawing from the bucket at once are given send times
 * that, all together, never run faster than the bucket's rate (R-ID-1: the centre's 429s cost round trips).
 */
class SharedQuotaTest extends ManualWorkerContext {

    private static final int RATE = 1_000;
    private static final int BATCH = 100;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("R-ID-1: two replicas share one quota: their batches together keep to its rate")
    void twoReplicasShareOneRate() throws InterruptedException {
        SharedQuota first = new SharedQuota(jdbc, RATE, BATCH);
        SharedQuota second = new SharedQuota(jdbc, RATE, BATCH);
        first.draw(0); // the bucket starts from now, full
        Thread.sleep(Duration.ofMillis(200));
        long start = System.nanoTime();

        List<Long> sendAt = Collections.synchronizedList(new ArrayList<>());
        List<Thread> replicas = new ArrayList<>();
        for (SharedQuota replica : List.of(first, second, first, second)) {
            replicas.add(Thread.ofVirtual().start(() -> {
                for (int batch = 0; batch < 10; batch++) {
                    Duration wait = replica.draw(BATCH);
                    sendAt.add(System.nanoTime() + wait.toNanos() - start);
                }
            }));
        }
        for (Thread replica : replicas) {
            replica.join(Duration.ofMinutes(1));
        }

        // 40 batches of 100 pairs at 1,000 pairs a second, the first from the full bucket: the last may go 3.9 s
        // after the start at the earliest (two buckets of their own would let them go in half the time); no second
        // holds more than the rate, the one batch of burst and one batch for the time a draw takes to return
        Collections.sort(sendAt);
        assertThat(sendAt).hasSize(40);
        assertThat(sendAt.getLast()).isGreaterThanOrEqualTo(Duration.ofMillis(3_900).toNanos());
        for (int i = 0; i < sendAt.size(); i++) {
            long windowEnd = sendAt.get(i) + Duration.ofSeconds(1).toNanos();
            long inWindow = sendAt.subList(i, sendAt.size()).stream().filter(at -> at < windowEnd).count();
            assertThat(inWindow * BATCH).as("pairs sent in the second from batch %d", i)
                    .isLessThanOrEqualTo(RATE + 2 * BATCH);
        }
    }
}
