package cn.league.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every league service promises before it has any domain endpoint, checked against the
 * service itself on real PostgreSQL and Kafka. A service's test extends this and adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceConventionsContract {

    private static final String ID_NUMBER = "110105199001014329";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A summary in Chinese that ends with the rule ids it follows: {@code 办理转出 (R-TR-3)}. */
    private static final Pattern SUMMARY = Pattern.compile("\\p{IsHan}.* \\(R-[A-Z]+-\\d+(, R-[A-Z]+-\\d+)*\\)");
    /** A Swagger UI section: a Chinese name ({@code 组织迁移}), never the controller class's. */
    private static final Pattern TAG = Pattern.compile("\\p{IsHan}+");

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
    void documentsItsPublicOperationsForTheGatewaysSwaggerUi() throws Exception {
        JsonNode document = JSON.readTree(get(basePath + "/v3/api-docs", null).body());
        // the gateway, whose Swagger UI fetched the document: "Try it out" goes through the door, not to this port
        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        JsonNode paths = document.path("paths");
        assertThat(paths.propertyNames()).contains(basePath + "/me").noneMatch(path -> path.startsWith("/internal/"));
        // the sections of the Swagger UI: each once, in Chinese, with a description (@Tag on every public controller)
        List<String> tags = document.path("tags").valueStream().map(tag -> tag.path("name").asString("")).toList();
        assertThat(tags).doesNotHaveDuplicates().allMatch(tag -> TAG.matcher(tag).matches());
        assertThat(document.path("tags").valueStream()).allSatisfy(tag -> assertThat(tag.path("description")
                .asString("")).as("the description of section %s", tag.path("name")).isNotBlank());
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                JsonNode operation = paths.path(path).path(method);
                String summary = operation.path("summary").asString("");
                assertThat(summary).as("%s %s", method, path).matches(SUMMARY);
                assertThat(operation.path("tags").valueStream().map(tag -> tag.asString(""))).as("%s %s", method, path)
                        .singleElement().isIn(tags);
            }
        }
        // the service-to-service endpoints stay readable on this port, in their own group
        JsonNode internal = JSON.readTree(get(basePath + "/v3/api-docs/internal", null).body());
        assertThat(internal.path("paths").propertyNames()).allMatch(path -> path.startsWith("/internal/"));
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
