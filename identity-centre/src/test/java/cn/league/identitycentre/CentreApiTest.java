package cn.league.identitycentre;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {IdentityCentreApplication.CONFIG_NAME,
        "centre.max-batch=5", "centre.quota-per-second=8", "centre.latency=0ms",
        "centre.clients.tester=tester-secret", "centre.operator-password=op"})
class CentreApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PAIR = "{\"idNumber\":\"110105199001014329\",\"name\":\"张三\"}";

    @Value("${local.server.port}")
    int port;

    @AfterEach
    void backToNormal() throws Exception {
        send("PUT", "/ops/settings", basic("operator", "op"), "{\"down\":false,\"errorRate\":0}");
    }

    @Test
    void answersOneVerdictPerPairInOrder() throws Exception {
        HttpResponse<String> answer = check(basic("tester", "tester-secret"),
                PAIR + ",{\"idNumber\":\"110105199001014329\",\"name\":\"张错\"},"
                        + "{\"idNumber\":\"110105199001014328\",\"name\":\"张三\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"verdict\":\"一致\"").contains("\"verdict\":\"不一致\"")
                .contains("\"verdict\":\"查无此人\"");
        assertThat(answer.body().indexOf("一致")).isLessThan(answer.body().indexOf("不一致"));
    }

    @Test
    void refusesUnknownClientsAndOversizedBatches() throws Exception {
        assertThat(check(null, PAIR).statusCode()).isEqualTo(401);
        assertThat(check(basic("tester", "wrong"), PAIR).statusCode()).isEqualTo(401);
        assertThat(check(basic("tester", "tester-secret"), pairs(6)).statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/ops/settings", basic("tester", "tester-secret"), "{\"down\":true}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void answers429BeyondTheQuotaOfPairsPerSecond() throws Exception {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 10); // both batches in one fresh second
        assertThat(check(basic("tester", "tester-secret"), pairs(5)).statusCode()).isEqualTo(200);
        HttpResponse<String> second = check(basic("tester", "tester-secret"), pairs(5));
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void anOutageAnswers503UntilItEnds() throws Exception {
        send("PUT", "/ops/settings", basic("operator", "op"), "{\"down\":true}");
        assertThat(check(basic("tester", "tester-secret"), PAIR).statusCode()).isEqualTo(503);
        assertThat(send("GET", "/v1/health", null, null).statusCode()).isEqualTo(503);
        send("PUT", "/ops/settings", basic("operator", "op"), "{\"down\":false}");
        assertThat(send("GET", "/v1/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void failsTheConfiguredShareOfRequests() throws Exception {
        send("PUT", "/ops/settings", basic("operator", "op"), "{\"errorRate\":1.0}");
        assertThat(check(basic("tester", "tester-secret"), PAIR).statusCode()).isEqualTo(500);
    }

    private static String pairs(int count) {
        return IntStream.range(0, count).mapToObj(i -> PAIR).collect(Collectors.joining(","));
    }

    private HttpResponse<String> check(String authorization, String pairs) throws Exception {
        return send("POST", "/v1/verifications", authorization, "{\"pairs\":[" + pairs + "]}");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
