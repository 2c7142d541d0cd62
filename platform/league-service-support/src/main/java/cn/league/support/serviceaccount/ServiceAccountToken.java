package cn.league.support.serviceaccount;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service acting as itself, not for a person: the access token of a confidential Keycloak client's service account
 * (client-credentials grant), for other services' {@code /internal/**} (each endpoint its own realm role) or
 * Keycloak's admin API. Kept until shortly before it expires; {@link #forget()} after a 401 fetches a new one.
 */
public final class ServiceAccountToken {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI tokenEndpoint;
    private final String basic;
    private volatile Token token;

    /**
     * @param keycloakUrl Keycloak's base URL
     * @param realm       the realm
     * @param clientId    the confidential client
     * @param secret      its secret
     */
    public ServiceAccountToken(String keycloakUrl, String realm, String clientId, String secret) {
        this.tokenEndpoint = URI.create(keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm
                + "/protocol/openid-connect/token");
        // client credentials go form-encoded inside the Basic header (RFC 6749 2.3.1)
        this.basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The current token, fetched when there is none or it is about to expire. */
    public String value() throws IOException, InterruptedException {
        Token current = token;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return current.value();
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused the service account's token: " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        long lifetime = answer.path("expires_in").asLong(60);
        current = new Token(answer.path("access_token").asString(),
                Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
        token = current;
        return current.value();
    }

    /** Drops the kept token (the peer answered 401), so the next call fetches a new one. */
    public void forget() {
        token = null;
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Token(String value, Instant renewAt) {
    }
}
