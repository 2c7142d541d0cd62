package cn.league.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages from a configured origin may call the API from the browser; other origins may not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "league.gateway.cors.allowed-origins=https://web.league.example")
class CorsTest {

    @LocalServerPort
    int port;

    @Test
    void configuredOriginPassesThePreflightOthersDoNot() {
        Http http = new Http(port);

        HttpResponse<String> allowed = http.send(preflight(http, "https://web.league.example"));
        HttpResponse<String> refused = http.send(preflight(http, "https://evil.example"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://web.league.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpRequest preflight(Http http, String origin) {
        return http.request("/api/transfers")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
