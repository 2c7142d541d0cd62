package cn.league.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Per caller: a bucket of {@code burst} requests, refilled at {@code requestsPerSecond}. */
@ConfigurationProperties("league.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("50") double requestsPerSecond, @DefaultValue("100") int burst) {

    public RateLimitProperties {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs requests-per-second > 0 and burst >= 1, got "
                    + requestsPerSecond + " and " + burst);
        }
    }
}
