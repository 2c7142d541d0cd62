package cn.league.transfer;

import java.time.Duration;
import java.time.Instant;

/** R-TR-5 (FAQ 76): a step waiting more than 10 days ends the transfer. Counted from the step's start, to the second. */
public final class TransferDeadline {

    public static final Duration TIME_PER_STEP = Duration.ofDays(10);

    private TransferDeadline() {
    }

    public static Instant expiresAt(Instant stepSince) {
        return stepSince.plus(TIME_PER_STEP);
    }

    public static boolean expired(Instant stepSince, Instant now) {
        return !now.isBefore(expiresAt(stepSince));
    }

    /** Steps that started at or before this instant have expired by {@code now}. */
    public static Instant stepStartedNoLaterThan(Instant now) {
        return now.minus(TIME_PER_STEP);
    }

    /** Whole days left before the step expires, never below 0 (what the approvers' queue shows). */
    public static long daysLeft(Instant stepSince, Instant now) {
        Duration left = Duration.between(now, expiresAt(stepSince));
        return left.isNegative() ? 0 : (left.toSeconds() + 86_399) / 86_400;
    }
}
