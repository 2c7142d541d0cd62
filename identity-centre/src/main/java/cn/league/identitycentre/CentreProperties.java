package cn.league.identitycentre;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The centre's settings at start; {@link Conditions} holds them while it runs, changeable by the operator. */
@ConfigurationProperties("centre")
public record CentreProperties(int maxBatch, int quotaPerSecond, Duration latency, double errorRate,
                               List<String> outages, Duration lag, Map<String, String> clients,
                               String operatorPassword) {
}
