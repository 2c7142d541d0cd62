package cn.league.identitycentre;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTest {

    private static Conditions withOutages(String... windows) {
        return Conditions.of(new CentreProperties(100, 5000, Duration.ZERO, 0, List.of(windows), Duration.ZERO,
                Map.of(), "op"));
    }

    @Test
    void anOutageWindowHoldsEveryDayBetweenItsTimes() {
        Conditions nightly = withOutages("02:00-03:30");
        assertThat(nightly.outOfService(Instant.parse("2027-03-01T02:00:00Z"))).isTrue();
        assertThat(nightly.outOfService(Instant.parse("2027-03-09T03:29:59Z"))).isTrue();
        assertThat(nightly.outOfService(Instant.parse("2027-03-01T03:30:00Z"))).isFalse();
        assertThat(nightly.outOfService(Instant.parse("2027-03-01T12:00:00Z"))).isFalse();
    }

    @Test
    void aWindowMayCrossMidnight() {
        Conditions aroundMidnight = withOutages("23:30-00:15", " ");
        assertThat(aroundMidnight.outOfService(Instant.parse("2027-03-01T23:45:00Z"))).isTrue();
        assertThat(aroundMidnight.outOfService(Instant.parse("2027-03-02T00:10:00Z"))).isTrue();
        assertThat(aroundMidnight.outOfService(Instant.parse("2027-03-02T00:20:00Z"))).isFalse();
    }
}
