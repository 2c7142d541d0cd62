package cn.league.system;

import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of {@link SeededStackBenchmark}, without a stack. */
class SeededStackBenchmarkTest {

    @Test
    @DisplayName("a quantile is the smallest duration at or above that share of them, in ms, whatever their order")
    void quantiles() {
        long[] nanos = LongStream.of(5, 1, 3, 2, 4).map(ms -> ms * 1_000_000).toArray();

        assertThat(SeededStackBenchmark.millis(nanos, 0.50)).isEqualTo(3.0);
        assertThat(SeededStackBenchmark.millis(nanos, 0.95)).isEqualTo(5.0);
        assertThat(nanos[0]).as("the durations are left as they were").isEqualTo(5_000_000);
        long[] hundred = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
        assertThat(SeededStackBenchmark.millis(hundred, 0.95)).isEqualTo(95.0);
        assertThat(SeededStackBenchmark.millis(hundred, 0.50)).isEqualTo(50.0);
    }

    @Test
    @DisplayName("the busiest org is the one the most open transfers wait for, the smaller id of equals; none when none waits")
    void busiestOrg() {
        assertThat(SeededStackBenchmark.busiest(Map.of(10L, 1, 12L, 3, 11L, 3, 13L, 0))).contains(11L);
        assertThat(SeededStackBenchmark.busiest(Map.of(10L, 0))).isEqualTo(Optional.empty());
        assertThat(SeededStackBenchmark.busiest(Map.of())).isEqualTo(Optional.empty());
    }
}
