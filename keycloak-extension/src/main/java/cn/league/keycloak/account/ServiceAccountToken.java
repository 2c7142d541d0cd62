package cn.league.keycloak.account;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.keycloak.models.ModelException;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.util.JsonSerialization;

/**
 * The lookup's own access token, from the client-credentials grant of a confidential client whose service account
 * holds {@code league-internal}. Kept until shortly before it expires: a login must not cost a token request.
 */
final class ServiceAccountToken {

    /** Renew this long before expiry, so a token never expires on its way to member-service. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenUrl;
    private final String form;
    private final Duration timeout;
    private final Clock clock;
    private Held held;

    ServiceAccountToken(HttpClient http, URI tokenUrl, String clientId, String clientSecret, Duration timeout,
                        Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token valid for at least {@link #MARGIN}; one request at a time asks Keycloak for a new one. */
    synchronized String get() {
        Instant now = clock.instant();
        if (held == null || !now.isBefore(held.renewAt())) {
            held = fetch(now);
        }
        return held.token();
    }

    /** member-service refused this token (e.g. Keycloak's keys rotated): the next call fetches a new one. */
    synchronized void forget(String token) {
        if (held != null && held.token().equals(token)) {
            held = null;
        }
    }

    private Held fetch(Instant now) {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ModelException("the lookup's service account got no token (" + response.statusCode()
                        + ") from " + tokenUrl);
            }
            AccessTokenResponse answer = JsonSerialization.readValue(response.body(), AccessTokenResponse.class);
            Duration lifetime = Duration.ofSeconds(answer.getExpiresIn());
            // a short-lived token is renewed half-way instead of at once
            Duration keep = lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2);
            return new Held(answer.getToken(), now.plus(keep));
        } catch (IOException failure) {
            throw new ModelException("no token from " + tokenUrl + ": " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while asking " + tokenUrl + " for a token", interrupted);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Held(String token, Instant renewAt) {
    }
}
