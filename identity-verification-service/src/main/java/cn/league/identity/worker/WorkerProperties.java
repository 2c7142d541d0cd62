package cn.league.identity.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled       whether this replica sends batches (tests drive the worker by hand)
 * @param threads       claims this replica works on at once
 * @param batchesPerClaim batches one claim takes and sends at once: together with {@code threads} at most the
 *                      centre client's {@code concurrent-batches}
 * @param lease         how long a claim holds: longer than a batch's worst case with all its retries; after it a
 *                      batch whose worker died is sent again
 * @param idlePause     the wait when nothing is due
 * @param firstRecheck  R-ID-3: the wait before a FAILED person's first re-check; doubled after each further failure
 * @param longestRecheck the longest wait between re-checks
 */
@ConfigurationProperties("league.identity.worker")
public record WorkerProperties(boolean enabled, int threads, int batchesPerClaim, Duration lease, Duration idlePause,
                               Duration firstRecheck, Duration longestRecheck) {
}
