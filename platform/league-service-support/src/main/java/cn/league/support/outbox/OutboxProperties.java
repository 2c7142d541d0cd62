package cn.league.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize   events sent per round trip
 * @param idlePoll    how often an idle relay looks for events it was not woken for (after a crash)
 * @param sendTimeout how long a batch may wait for the broker's acknowledgements
 */
@ConfigurationProperties("league.outbox")
public record OutboxProperties(@DefaultValue("2000") int batchSize, @DefaultValue("1s") Duration idlePoll,
                               @DefaultValue("10s") Duration sendTimeout) {
}
