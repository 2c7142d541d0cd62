package cn.league.member.account;

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.support.problem.ProblemException;

/**
 * member-service acting as itself, not for a person: the service account of the confidential client
 * {@code league-accounts} (client-credentials grant), for Keycloak's admin API and for other services'
 * {@code /internal/**} (realm role {@code league-internal}). Its token is fetched again shortly before it expires.
 */
@Component
public class ServiceAccount {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ServiceAccount.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String keycloakUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private volatile Token token;

    ServiceAccount(@Value("${league.accounts.keycloak.url}") String keycloakUrl,
                   @Value("${league.accounts.keycloak.realm}") String realm,
                   @Value("${league.accounts.keycloak.client-id}") String clientId,
                   @Value("${league.accounts.keycloak.client-secret}") String clientSecret) {
        this.keycloakUrl = keycloakUrl.replaceAll("/+$", "");
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    String keycloakUrl() {
        return keycloakUrl;
    }

    String realm() {
        return realm;
    }

    /** A request with the service account's bearer token. */
    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + token());
    }

    /** Sends; an unreachable peer is a 503 problem. A 401 makes the next call fetch a new token. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                token = null;
            }
            return response;
        } catch (IOException failure) {
            log.warn("{} unreachable: {}", request.build().uri().getAuthority(), failure.toString());
            throw unavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    public static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "ACCOUNTS_UNAVAILABLE", null,
                "账号服务暂时不可用,请稍后再试");
    }

    private String token() {
        Token current = token;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return current.value();
        }
        String basic = Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (response.statusCode() != 200) {
            log.warn("Keycloak refused the service account's token: {} {}", response.statusCode(), response.body());
            throw unavailable();
        }
        JsonNode answer = JSON.readTree(response.body());
        long lifetime = answer.path("expires_in").asLong(60);
        current = new Token(answer.path("access_token").asString(),
                Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
        token = current;
        return current.value();
    }

    /** Client credentials go form-encoded inside the Basic header (RFC 6749 2.3.1). */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Token(String value, Instant renewAt) {
    }
}
