package cn.league.member.registration;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationDeadlineTest {

    private final Instant requested = Instant.parse("2027-03-01T08:30:00Z");

    @Test
    @DisplayName("R-AUTH-4 a self-registration undecided for 10 days is expired, not a second earlier")
    void tenDays() {
        assertThat(RegistrationDeadline.expiresAt(requested)).isEqualTo(Instant.parse("2027-03-11T08:30:00Z"));
        assertThat(RegistrationDeadline.expired(requested, requested.plus(Duration.ofDays(10)).minusSeconds(1)))
                .isFalse();
        assertThat(RegistrationDeadline.expired(requested, requested.plus(Duration.ofDays(10)))).isTrue();
        assertThat(RegistrationDeadline.requestedNoLaterThan(requested.plus(Duration.ofDays(10))))
                .isEqualTo(requested);
    }
}
