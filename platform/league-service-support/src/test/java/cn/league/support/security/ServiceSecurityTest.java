package cn.league.support.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.league.test.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ServiceSecurityTest {

    private static final String ID = "110105199001014329";

    @Autowired
    RestTestClient http;

    @Test
    void aValidTokenIsAcceptedAndNamesTheCallerByIdNumber() {
        http.get().uri("/api/test/me")
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(ID, "league-user"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.idNumber").isEqualTo(ID)
                .jsonPath("$.roles[0]").isEqualTo("league-user");
    }

    @Test
    void noTokenIsRefusedAsProblem() {
        http.get().uri("/api/test/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.detail").isEqualTo("请先登录");
    }

    @Test
    void anExpiredTokenIsRefused() {
        http.get().uri("/api/test/me")
                .header("Authorization", "Bearer " + TestTokens.get().expiredAccessToken(ID))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        http.get().uri("/api/test/me")
                .header("Authorization", "Bearer " + TestTokens.get().foreignIssuerToken(ID))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = TestTokens.get().accessToken(ID);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        http.get().uri("/api/test/me").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void probesMetricsAndApiDocsNeedNoToken() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_threads_live_threads"));
        http.get().uri("/api/test/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }

    @Test
    void aServiceAccountWithTheInternalRoleReachesInternalPaths() {
        http.get().uri("/internal/test/ping")
                .header("Authorization", "Bearer "
                        + TestTokens.get().accessToken("service-account-league-test", "league-test-caller"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("pong");
    }

    @Test
    @DisplayName("issue 16: one role per caller and internal endpoint — another service's role, or a path no entry "
            + "names, is refused")
    void anInternalPathNeedsItsOwnRole() {
        http.get().uri("/internal/test/ping")
                .header("Authorization", "Bearer "
                        + TestTokens.get().accessToken("service-account-league-other", "league-members-bulk"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
        http.get().uri("/internal/unlisted")
                .header("Authorization", "Bearer "
                        + TestTokens.get().accessToken("service-account-league-test", "league-test-caller"))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    @DisplayName("issue 16: a token of the right realm for another audience (another client's, another service's) is "
            + "refused")
    void aTokenForAnotherAudienceIsRefused() {
        http.get().uri("/api/test/me")
                .header("Authorization", "Bearer " + TestTokens.get().otherAudienceToken(ID, "league-org-service"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPersonsTokenIsRefusedOnInternalPathsAsProblem() {
        http.get().uri("/internal/test/ping")
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(ID, "league-user"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
        http.get().uri("/internal/test/ping").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aServiceAccountIsRefusedOnTheApi() {
        http.get().uri("/api/test/me")
                .header("Authorization", "Bearer "
                        + TestTokens.get().accessToken("service-account-league-test", "league-test-caller"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        http.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }
}
