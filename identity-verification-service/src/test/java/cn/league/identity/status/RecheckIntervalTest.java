package cn.league.identity.status;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecheckIntervalTest {

    private final RecheckInterval interval = new RecheckInterval(Duration.ofHours(1), Duration.ofDays(7));

    @Test
    @DisplayName("R-ID-3: FAILED people are re-sent after 1 h, then a doubled wait each time, at most 7 days")
    void growsToTheLongestWait() {
        assertThat(interval.after(1)).isEqualTo(Duration.ofHours(1));
        assertThat(interval.after(2)).isEqualTo(Duration.ofHours(2));
        assertThat(interval.after(4)).isEqualTo(Duration.ofHours(8));
        assertThat(interval.after(8)).isEqualTo(Duration.ofHours(128));
        assertThat(interval.after(9)).isEqualTo(Duration.ofDays(7));
        assertThat(interval.after(1_000)).isEqualTo(Duration.ofDays(7));
    }
}
