package cn.league.member.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import cn.league.support.peer.PeerGuard;
import cn.league.support.problem.ProblemException;
import cn.league.support.serviceaccount.ServiceAccountTokens;

/**
 * member-service acting as itself, not for a person: the service account of the confidential client
 * {@code league-accounts} (client-credentials grant), for Keycloak's admin API and for other services'
 * {@code /internal/orgs/admin-registrations} (realm role {@code league-admin-registrations}); the token from the suite's one client-credentials
 * implementation ({@link ServiceAccountTokens}), each peer (Keycloak, org-service) behind its own circuit breaker
 * ({@link PeerGuard}).
 */
@Component
public class ServiceAccount {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ServiceAccount.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String keycloakUrl;
    private final String realm;
    private final ServiceAccountTokens token;
    private final Map<String, PeerGuard> peers = new ConcurrentHashMap<>();

    ServiceAccount(@Value("${league.accounts.keycloak.url}") String keycloakUrl,
                   @Value("${league.accounts.keycloak.realm}") String realm,
                   ServiceAccountTokens token) {
        this.keycloakUrl = keycloakUrl.replaceAll("/+$", "");
        this.realm = realm;
        this.token = token;
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

    /**
     * Sends; an unreachable peer, or one whose breaker is open after repeated failures, is a 503 problem. A 401 makes
     * the next call fetch a new token.
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = peers.computeIfAbsent(built.uri().getAuthority(), PeerGuard::new)
                    .send(http, built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                token.forget();
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
        try {
            return token.value();
        } catch (IOException failure) {
            log.warn("no service-account token from Keycloak: {}", failure.getMessage());
            throw unavailable();
        }
    }
}
