package cn.league.identity.centre;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The centre's HTTP interface, as its operators describe it: {@code POST /v1/verifications} with up to
 * {@code batchSize} name + ID number pairs, HTTP Basic client credentials, one verdict per pair in order (一致,
 * 不一致, 查无此人); {@code GET /v1/health}. Nothing else is assumed, so a real centre fits by configuration.
 */
public class CentreClient {

    /** One pair to check. */
    public record Pair(String idNumber, String name) {
    }

    /** The centre's verdict on one pair. */
    public record Result(String idNumber, String name, String verdict) {
    }

    record CheckRequest(List<Pair> pairs) {
    }

    record CheckResponse(List<Result> results) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI verifications;
    private final URI health;
    private final String authorization;
    private final CentreProperties properties;

    public CentreClient(CentreProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        String base = properties.url().endsWith("/") ? properties.url() : properties.url() + "/";
        this.verifications = URI.create(base + "v1/verifications");
        this.health = URI.create(base + "v1/health");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return one result per pair, in the pairs' order
     * @throws CentreUnavailable when the centre did not answer this time
     */
    public List<Result> check(List<Pair> pairs) {
        HttpRequest request = HttpRequest.newBuilder(verifications)
                .timeout(properties.readTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(new CheckRequest(pairs))))
                .build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status == 429) {
            throw new CentreUnavailable("the centre's quota is used up", true, null);
        }
        if (status >= 500) {
            throw new CentreUnavailable("the centre answered " + status, false, null);
        }
        if (status != 200) {
            // a refused client or batch is a configuration fault: retrying changes nothing
            throw new IllegalStateException("the centre refused the batch: " + status + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        List<Result> results = JSON.readValue(response.body(), CheckResponse.class).results();
        if (results == null || results.size() != pairs.size()) {
            throw new CentreUnavailable("the centre answered " + (results == null ? 0 : results.size())
                    + " verdicts for " + pairs.size() + " pairs", false, null);
        }
        return results;
    }

    /** Whether the centre says it is up. */
    public boolean up() {
        try {
            return send(HttpRequest.newBuilder(health).timeout(properties.readTimeout()).GET().build())
                    .statusCode() == 200;
        } catch (CentreUnavailable down) {
            return false;
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException timeout) {
            throw new CentreUnavailable("the centre did not answer in time", false, timeout);
        } catch (IOException unreachable) {
            throw new CentreUnavailable("the centre is unreachable: " + unreachable, false, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CentreUnavailable("interrupted", false, interrupted);
        }
    }
}
