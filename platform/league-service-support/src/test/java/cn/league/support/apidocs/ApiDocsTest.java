package cn.league.support.apidocs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ApiDocsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Test
    @DisplayName("the public document names the gateway as its server and the bearer token, and leaves /internal/** out")
    void thePublicDocumentIsTheGateways() {
        JsonNode document = document("/api/test/v3/api-docs");
        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        JsonNode bearer = document.path("components").path("securitySchemes").path(ApiDocsConfiguration.BEARER);
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.path("security").get(0).has(ApiDocsConfiguration.BEARER)).isTrue();
        assertThat(document.path("paths").propertyNames()).contains("/api/test/me")
                .noneMatch(path -> path.startsWith("/internal/"));
    }

    @Test
    @DisplayName("the internal group holds /internal/** only, for callers on the service's own port")
    void theInternalGroupHoldsTheInternalPaths() {
        JsonNode document = document("/api/test/v3/api-docs/" + ApiDocsConfiguration.INTERNAL_GROUP);
        assertThat(document.path("paths").propertyNames()).contains("/internal/test/ping")
                .allMatch(path -> path.startsWith("/internal/"));
    }

    private JsonNode document(String path) {
        String body = http.get().uri(path).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        return JSON.readTree(body);
    }
}
