package cn.league.identity.centre;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach the citizen identity centre and how hard to press it.
 *
 * @param url               the centre's base URL
 * @param clientId          this service's client id at the centre
 * @param clientSecret      its secret
 * @param batchSize         pairs per request: the centre's limit
 * @param pairsPerSecond    what all replicas together send: a little under the centre's quota (429s cost a round
 *                          trip); see {@link SharedQuota}
 * @param connectTimeout    connecting takes milliseconds; longer means the centre is unreachable
 * @param readTimeout       the centre's answer to one batch
 * @param attempts          calls per batch before the batch goes back to the queue (retry on 5xx, 429, timeouts)
 * @param firstBackoff      the wait before the second attempt; doubled for each further one
 * @param openFor           how long an open circuit breaker sends nothing before trying again
 * @param concurrentBatches batches in flight at once in this replica (bulkhead)
 */
@ConfigurationProperties("league.identity.centre")
public record CentreProperties(String url, String clientId, String clientSecret, int batchSize, int pairsPerSecond,
                               Duration connectTimeout, Duration readTimeout, int attempts, Duration firstBackoff,
                               Duration openFor, int concurrentBatches) {
}
