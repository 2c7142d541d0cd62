package cn.league.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every league service promises before it has any domain endpoint, checked against the
 * service itself on real PostgreSQL and Kafka. A service's test extends this and adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceConventionsContract {

    private static final String ID_NUMBER = "110105199001014329";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Value("${league.api.base-path}")
    String basePath;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    @Test
    void acceptsKeycloakTokensAndRefusesCallsWithoutOne() throws Exception {
        HttpResponse<String> anonymous = get(basePath + "/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.body()).contains("\"code\":\"UNAUTHENTICATED\"").contains("请先登录");

        HttpResponse<String> authenticated = get(basePath + "/me", TestTokens.get().accessToken(ID_NUMBER));
        assertThat(authenticated.statusCode()).isEqualTo(200);
        assertThat(authenticated.body()).contains(ID_NUMBER);
    }

    @Test
    void refusesAnActiveOrgTheCallerDoesNotBelongTo() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + basePath + "/me"))
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(ID_NUMBER))
                .header("X-League-Org", "987654321").build();
        HttpResponse<String> chosen = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(chosen.statusCode()).as("R-ADM-8: %s", chosen.body()).isEqualTo(403);
        assertThat(chosen.body()).contains("\"code\":\"ACTIVE_ORG_NOT_YOURS\"").contains("\"rule\":\"R-ADM-8\"");
    }

    @Test
    void answersProbesMetricsAndItsOpenApiDocument() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
        // ready once its Kafka consumers have their partitions (issue 16 item 7): a moment after the context started
        String readiness = get("/actuator/health/readiness", null).body();
        for (long deadline = System.nanoTime() + 60_000_000_000L;
             !readiness.contains("\"status\":\"UP\"") && System.nanoTime() < deadline; Thread.sleep(100)) {
            readiness = get("/actuator/health/readiness", null).body();
        }
        assertThat(readiness).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/prometheus", null).body()).contains("http_server_requests");
        HttpResponse<String> openApi = get(basePath + "/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"");
    }

    @Test
    void keepsItsDataInItsOwnMigratedDatabase() {
        String database = jdbc.sql("select current_database()").query(String.class).single();
        assertThat(database).isEqualTo(environment.getProperty("league.database"));
        assertThat(jdbc.sql("select count(*) from platform.platform_schema_history where success")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void runsOnVirtualThreadsAndLogsJson() {
        assertThat(environment.getProperty("spring.threads.virtual.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
