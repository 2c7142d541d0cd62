package cn.league.gateway;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway over real HTTP, with a stub standing in for the services and the test token issuer for Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTest {

    static final String PERSON = "110105199001014329";
    static final Downstream SERVICES = Downstream.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String route : List.of("org", "member", "transfer", "import", "identity")) {
            registry.add("league.routes." + route, SERVICES::url);
        }
        registry.add("league.routes.stats", Downstream::closedPort);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orgs/1/children", "/api/members/search?name=x", "/api/accounts/me",
            "/api/transfers/7", "/api/imports/templates", "/api/identity/checks/3"})
    void routesEachPrefixUnchangedAndForwardsTheBearerToken(String path) {
        String token = TestTokens.get().accessToken(PERSON);

        HttpResponse<String> response = http.getWithToken(path, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Path")).hasValue(URI.create(path).getRawPath());
        assertThat(response.headers().firstValue("X-Seen-Authorization")).hasValue("Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/accounts/captcha", "/api/accounts/password-reset", "/api/accounts/admin-registration",
            "/api/accounts/member-registration"})
    @DisplayName("R-AUTH-3 R-ADM-3 R-AUTH-4 the public account forms reach member-service without a token or a CSRF token")
    void publicAccountFormsPassWithoutLogin(String path) {
        HttpResponse<String> response = http.send(http.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Path")).hasValue(path);
        assertThat(response.headers().firstValue("X-Seen-Authorization")).hasValue("null");
        assertThat(http.get("/api/accounts/orgs").statusCode()).as("other account paths need a login")
                .isEqualTo(401);
    }

    @Test
    @DisplayName("R-AUTH-4 团员注册's org search reaches org-service without a login; org-service's other searches and "
            + "writes to the same path do not")
    void theRegistrationOrgSearchIsPublic() {
        HttpResponse<String> response = http.get("/api/orgs/registration-targets?name=x&kind=MEMBER");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Path")).hasValue("/api/orgs/registration-targets");
        assertThat(response.headers().firstValue("X-Seen-Authorization")).hasValue("null");
        assertThat(http.get("/api/orgs/search?name=x").statusCode()).as("the admins' search needs a login")
                .isEqualTo(401);
        assertThat(http.send(http.request("/api/orgs/registration-targets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).as("reading only")
                .isEqualTo(401);
    }

    @Test
    @DisplayName("R-ADM-8 API clients send the active org themselves: the header reaches the service unchanged; "
            + "keeping one in a session is for browsers only")
    void activeOrgOfApiClients() {
        String token = TestTokens.get().accessToken(PERSON);
        HttpResponse<String> routed = http.send(http.request("/api/members/search?name=x")
                .header("Authorization", "Bearer " + token).header("X-League-Org", "42").GET().build());
        assertThat(routed.headers().firstValue("X-Seen-Org")).hasValue("42");
        assertThat(http.getWithToken("/api/members/search?name=x", token).headers().firstValue("X-Seen-Org"))
                .hasValue("null");

        HttpResponse<String> session = http.send(http.request("/api/accounts/active-org")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"orgId\":42}")).build());
        assertProblem(session, 400, "ACTIVE_ORG_BY_HEADER", "API 客户端请在每个请求的 X-League-Org 请求头中指定当前组织");
        assertThat(http.send(http.request("/api/accounts/active-org").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"orgId\":42}")).build()).statusCode())
                .as("no login, no choice").isIn(401, 403);
    }

    @Test
    void bearerCallsNeedNoCsrfToken() {
        HttpResponse<String> response = http.send(http.request("/api/transfers")
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(PERSON))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Method")).hasValue("POST");
    }

    @Test
    void cookieCallsWithoutCsrfTokenAreRefused() {
        HttpResponse<String> response = http.send(http.request("/api/transfers")
                .header("Cookie", "SESSION=forged")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertProblem(response, 403, "CSRF_TOKEN_MISSING",
                "请求缺少防伪令牌（X-XSRF-TOKEN），无法确认是本页面发出的操作，请刷新页面后重试");
    }

    @Test
    void cookieCallsWithAForeignCsrfTokenAreRefusedAsSuch() {
        HttpResponse<String> response = http.send(http.request("/api/transfers")
                .header("Cookie", "SESSION=forged; XSRF-TOKEN=one")
                .header("X-XSRF-TOKEN", "another")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertProblem(response, 403, "CSRF_TOKEN_INVALID", "防伪令牌已失效，请刷新页面后重试");
    }

    @Test
    void writesWithoutTokenOrSessionAreUnauthenticated() {
        HttpResponse<String> response = http.send(http.request("/api/transfers")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertProblem(response, 401, "UNAUTHENTICATED", "请先登录");
    }

    @Test
    void slowAnswersWithinTheTimeoutPass() {
        HttpResponse<String> response = http.getWithToken("/api/orgs/slow", TestTokens.get().accessToken(PERSON));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void apiWithoutTokenIsUnauthenticatedEvenForBrowsers() {
        assertProblem(http.get("/api/orgs/1"), 401, "UNAUTHENTICATED", "请先登录");
        assertProblem(http.get("/api/orgs/1", "Accept", "text/html"), 401, "UNAUTHENTICATED", "请先登录");
    }

    @Test
    void expiredAndForeignTokensAreUnauthenticated() {
        HttpResponse<String> expired = http.getWithToken("/api/orgs/1", TestTokens.get().expiredAccessToken(PERSON));
        HttpResponse<String> foreign = http.getWithToken("/api/orgs/1", TestTokens.get().foreignIssuerToken(PERSON));
        HttpResponse<String> garbage = http.getWithToken("/api/orgs/1", "not-a-jwt");

        for (HttpResponse<String> response : List.of(expired, foreign, garbage)) {
            assertProblem(response, 401, "UNAUTHENTICATED", "请先登录");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    void serviceThatIsDownAnswers503QuicklyWithItsName() {
        Instant start = Instant.now();

        HttpResponse<String> response = http.getWithToken("/api/stats/progress", TestTokens.get().accessToken(PERSON));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        JsonNode problem = assertProblem(response, 503, "SERVICE_UNAVAILABLE", "服务暂时不可用,请稍后再试");
        assertThat(problem.get("title").asString()).isEqualTo("服务暂时不可用");
        assertThat(problem.get("service").asString()).isEqualTo("stats-service");
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        String token = TestTokens.get().accessToken(PERSON);

        assertProblem(http.getWithToken("/api/nothing-here/1", token), 404, "NOT_FOUND", "请求的资源不存在");
        assertProblem(http.getWithToken("/nothing-here", token), 404, "NOT_FOUND", "请求的资源不存在");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<HttpResponse<String>> responses = List.of(
                http.getWithToken("/api/orgs/1", TestTokens.get().accessToken(PERSON)),
                http.get("/api/orgs/1"),
                http.get("/actuator/health"));

        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(
                    value -> assertThat(value).contains("no-store"));
            assertThat(headers.firstValue("Content-Security-Policy")).hasValue(
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        }
    }

    @Test
    void crossOriginCallsAreRefusedWhenNoOriginIsAllowed() {
        HttpResponse<String> response = http.send(http.request("/api/orgs/1")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void browserIsSentToKeycloakLoginWithPkce() {
        HttpResponse<String> page = http.get("/", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));

        HttpResponse<String> login = http.get("/oauth2/authorization/keycloak", "Accept", "text/html");

        assertThat(login.statusCode()).isEqualTo(302);
        String keycloak = URLDecoder.decode(login.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(keycloak)
                .startsWith(TestTokens.get().keycloakUrl() + "/realms/league/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=league-gateway", "scope=openid profile",
                        "code_challenge_method=S256", "code_challenge=", "redirect_uri=http://127.0.0.1:" + port
                                + "/login/oauth2/code/keycloak");
    }

    @Test
    @DisplayName("the web console is the gateway's page: / answers its index.html to a logged-in caller, never cached; "
            + "its hashed bundles are served without login and may be cached")
    void theConsoleIsServedAtTheRoot() {
        HttpResponse<String> page = http.get("/", "Accept", "text/html",
                "Authorization", "Bearer " + TestTokens.get().accessToken(PERSON));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("no-cache"));
        assertThat(page.body()).contains("lang=\"zh-CN\"", "<div id=\"app\">");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"")
                .matcher(page.body());
        assertThat(script.find()).as(page.body()).isTrue();

        HttpResponse<String> bundle = http.get(script.group(1));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("max-age=31536000"));
        assertThat(http.get("/assets/no-such-bundle.js").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("忘记密码 and 管理员注册: the console's account page answers without login, never cached")
    void theAccountPageNeedsNoLogin() {
        HttpResponse<String> page = http.get("/account", "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("no-cache"));
        assertThat(page.body()).contains("lang=\"zh-CN\"", "<div id=\"app\">", "/assets/account-");
    }

    @Test
    void swaggerConfigListsTheSixServiceDocumentsWithoutLogin() {
        HttpResponse<String> response = http.get("/v3/api-docs/swagger-config");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode config = JSON.readTree(response.body());
        List<String> urls = config.get("urls").valueStream().map(url -> url.get("url").asString()).toList();
        assertThat(urls).contains("/api/orgs/v3/api-docs", "/api/members/v3/api-docs", "/api/transfers/v3/api-docs",
                "/api/imports/v3/api-docs", "/api/stats/v3/api-docs", "/api/identity/v3/api-docs");
        assertThat(http.get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void serviceApiDocsAreRoutedWithoutLogin() {
        HttpResponse<String> response = http.get("/api/members/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Path")).hasValue("/api/members/v3/api-docs");
        assertThat(response.body()).contains("openapi");
    }

    @Test
    void aServicesInternalDocumentIsNotPublished() {
        assertProblem(http.get("/api/members/v3/api-docs/internal"), 404, "NOT_FOUND", "请求的资源不存在");
        assertProblem(http.getWithToken("/api/orgs/v3/api-docs/internal", TestTokens.get().accessToken(PERSON)), 404,
                "NOT_FOUND", "请求的资源不存在");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() {
        Http management = new Http(managementPort);
        HttpResponse<String> health = management.get("/actuator/health");
        HttpResponse<String> liveness = management.get("/actuator/health/liveness");
        HttpResponse<String> prometheus = management.get("/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");

        String token = TestTokens.get().accessToken(PERSON);
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator/env",
                "/actuator")) {
            assertThat(http.get(path).statusCode()).as("anonymous %s on the public port", path).isEqualTo(404);
            assertThat(http.getWithToken(path, token).statusCode()).as("%s with a login on the public port", path)
                    .isEqualTo(404);
        }
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:league:problem:" + code);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        return problem;
    }
}
