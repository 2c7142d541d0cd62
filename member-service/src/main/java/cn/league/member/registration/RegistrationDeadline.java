package cn.league.member.registration;

import java.time.Duration;
import java.time.Instant;

/**
 * R-AUTH-4 (FAQ 3): a self-registration the org's admin has not decided within 10 days is terminated by
 * the system. Ten days are counted from the moment of the request, to the second.
 */
public final class RegistrationDeadline {

    public static final Duration TIME_TO_DECIDE = Duration.ofDays(10);

    private RegistrationDeadline() {
    }

    public static Instant expiresAt(Instant requestedAt) {
        return requestedAt.plus(TIME_TO_DECIDE);
    }

    public static boolean expired(Instant requestedAt, Instant now) {
        return !now.isBefore(expiresAt(requestedAt));
    }

    /** Requests made at or before this instant have expired by {@code now}. */
    public static Instant requestedNoLaterThan(Instant now) {
        return now.minus(TIME_TO_DECIDE);
    }
}
