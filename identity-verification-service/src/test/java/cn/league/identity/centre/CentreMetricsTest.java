package cn.league.identity.centre;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import cn.league.identity.centre.CentreClient.Pair;

import static org.assertj.core.api.Assertions.assertThat;

/** The gauge deploy/helm/league's IdentityCentreCircuitOpen alert reads: 0 while closed, 1 once the centre failed. */
class CentreMetricsTest {

    @Test
    void theGaugeTurnsToOneWhenTheCircuitToAnUnreachableCentreOpens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CentreProperties properties = new CentreProperties("http://127.0.0.1:" + closedPort, "league-identity", "secret",
                100, 4800, Duration.ofMillis(200), Duration.ofMillis(500), 1, Duration.ofMillis(10),
                Duration.ofMinutes(5), 4);
        GuardedCentre centre = new GuardedCentre(new CentreClient(properties), pairs -> { }, properties);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new CentreMetrics(centre).bindTo(registry);

        assertThat(registry.scrape()).contains("league_identity_centre_circuit_open 0.0");
        for (int call = 0; call < 5; call++) {
            try {
                centre.check(List.of(new Pair("110105199001014329", "张三")));
            } catch (RuntimeException expected) {
                // the centre is unreachable
            }
        }
        assertThat(registry.scrape()).contains("league_identity_centre_circuit_open 1.0");
    }
}
