package cn.league.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service under test over real HTTP as a given person, with a token from {@link TestTokens}.
 * Each service's tests extend it with the fixtures of their own domain.
 */
public class ServiceApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final Map<String, String> headers;

    public ServiceApi(int port) {
        this(port, Map.of());
    }

    private ServiceApi(int port, Map<String, String> headers) {
        this.port = port;
        this.headers = headers;
    }

    /** The same calls with one more header on each, e.g. the active org ({@code X-League-Org}, R-ADM-8). */
    public ServiceApi withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ServiceApi(port, Map.copyOf(more));
    }

    /** A call without any token, for public paths and refusals. */
    public Response anonymous(String method, String path, String json) {
        return send(null, method, path, json);
    }

    public Response get(String as, String path) {
        return send(as, "GET", path, null);
    }

    public Response post(String as, String path, String json) {
        return send(as, "POST", path, json);
    }

    public Response put(String as, String path, String json) {
        return send(as, "PUT", path, json);
    }

    public Response delete(String as, String path) {
        return send(as, "DELETE", path, null);
    }

    private Response send(String as, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (as != null) {
            request.header("Authorization", "Bearer " + TestTokens.get().accessToken(as));
        }
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A response, with the problem+json fields the tests read most. */
    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public String rule() {
            return json().path("rule").asString();
        }

        public long id() {
            return json().path("id").asLong();
        }

        /** The refusal as a caller reads it, all but the request's own path: two that must not be told apart. */
        public Refusal refusal() {
            JsonNode problem = json();
            return new Refusal(status, problem.path("code").asString(), problem.path("rule").asString(),
                    problem.path("title").asString(), problem.path("detail").asString());
        }
    }

    public record Refusal(int status, String code, String rule, String title, String detail) {
    }
}
