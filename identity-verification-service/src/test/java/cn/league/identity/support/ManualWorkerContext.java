package cn.league.identity.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with its worker stopped, so a test sends batches by hand, and with the centre's own process: one
 * application context for the tests that need that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "league.identity.worker.enabled=false", "league.identity.worker.lease=1s",
        "league.identity.centre.attempts=2", "league.identity.centre.first-backoff=50ms",
        "league.identity.centre.client-secret=" + CentreProcess.CLIENT_SECRET})
public abstract class ManualWorkerContext {

    @DynamicPropertySource
    static void centre(DynamicPropertyRegistry registry) {
        registry.add("league.identity.centre.url", () -> CentreProcess.get().url());
    }
}
