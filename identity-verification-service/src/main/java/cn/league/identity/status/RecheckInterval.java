package cn.league.identity.status;

import java.time.Duration;

/**
 * R-ID-3: a FAILED person is sent again after {@code first}, and each further failure doubles the wait, up to
 * {@code longest}: the centre's data lags, so most people it did not know pass on an early re-check, while a wrong
 * pair does not cost a call every hour for ever.
 */
public record RecheckInterval(Duration first, Duration longest) {

    /** The wait after the {@code failedChecks}-th failure in a row (1 for the first). */
    public Duration after(int failedChecks) {
        Duration wait = first;
        for (int i = 1; i < failedChecks && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
