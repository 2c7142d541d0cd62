package cn.league.importing.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * league.import.*: rows per file, rows per call to member-service, calls on their way at once, how long a worker holds a job without renewing
 * (a replica that died loses it after this), how often workers look for jobs, and the pause after member-service
 * could not be reached; after a run that failed otherwise the first pause (doubled after each further failure) and
 * the failure that fails the job (R-IMP-2).
 */
@ConfigurationProperties("league.import")
public record ImportLimits(int maxRows, int batchSize, int batchesInFlight, Duration lease, Duration poll, Duration retryPause,
                           int jobsPerReplica, Duration brokenPause, int brokenAfter) {
}
