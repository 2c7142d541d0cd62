package cn.league.gateway;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** One caller over the limit gets 429 while another caller still passes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "league.gateway.rate-limit.requests-per-second=0.5", "league.gateway.rate-limit.burst=5"})
class RateLimitTest {

    static final Downstream SERVICES = Downstream.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("league.routes.org", SERVICES::url);
        registry.add("league.routes.member", SERVICES::url);
    }

    @LocalServerPort
    int port;

    @Test
    void callerOverTheBurstIsLimitedOthersAreNot() {
        Http http = new Http(port);
        String busy = TestTokens.get().accessToken("110105199001014329");
        String other = TestTokens.get().accessToken("11010519900101432X");

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(http.getWithToken("/api/orgs/1", busy).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = http.getWithToken("/api/orgs/1", busy);
        // a token comes back every 2 s: on a busy machine the burst itself can take that long, and a call more passes
        for (int extra = 0; limited.statusCode() == 200; extra++) {
            long refilled = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds() / 2;
            assertThat(extra).as("calls past the burst that passed, %d tokens having come back", refilled)
                    .isLessThanOrEqualTo((int) refilled);
            limited = http.getWithToken("/api/orgs/1", busy);
        }

        GatewayTest.assertProblem(limited, 429, "RATE_LIMITED", "请求过于频繁,请稍后再试");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
        assertThat(http.getWithToken("/api/orgs/1", other).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreLimitedByAddress() {
        Http http = new Http(port);
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            if (http.get("/actuator/health").statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isPositive();
    }

    @Test
    @DisplayName("R-AUTH-3 the public password-reset form is rate-limited by address like any anonymous caller")
    void publicFormsAreLimitedByAddress() {
        Http http = new Http(port);
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            if (http.send(http.request("/api/accounts/password-reset")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isPositive();
    }
}
