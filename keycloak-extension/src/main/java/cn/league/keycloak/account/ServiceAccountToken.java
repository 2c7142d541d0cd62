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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.keycloak.models.ModelException;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.util.JsonSerialization;

/**
 * The lookup's own access token, from the client-credentials grant of a confidential client whose service account
 * holds {@code league-account-lookup}. Kept until shortly before it expires, then renewed in the background while the old
 * one still serves: a login must not wait for a token request.
 * <p>
 * Fetching runs on its own thread, not the login's: Keycloak stops a user-storage call after 3 s (its
 * {@code storageProviderTimeout}) by interrupting it, and on a cold, busy server the very first token request can take
 * that long. The interrupted login fails, but the token still arrives and serves the next one.
 */
final class ServiceAccountToken {

    /** Renew this long before expiry, so a token never expires on its way to member-service. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenUrl;
    private final String form;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "league-lookup-token");
        thread.setDaemon(true);
        return thread;
    });
    private Held held;
    private CompletableFuture<Held> fetching;

    ServiceAccountToken(HttpClient http, URI tokenUrl, String clientId, String clientSecret, Duration timeout,
                        Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A valid token: the held one (renewal started when it is due), else the one being fetched. */
    String get() {
        CompletableFuture<Held> next;
        synchronized (this) {
            Instant now = clock.instant();
            if (held != null && now.isBefore(held.expiresAt().minus(MARGIN.dividedBy(3)))) {
                if (!now.isBefore(held.renewAt())) {
                    fetch();
                }
                return held.token();
            }
            next = fetch();
        }
        try {
            return next.get().token();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting for the lookup's token from " + tokenUrl, interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof ModelException refused ? refused
                    : new ModelException("no token from " + tokenUrl, failed.getCause());
        }
    }

    /** Starts fetching a token unless a fetch is under way; the result replaces the held token. */
    synchronized CompletableFuture<Held> fetch() {
        if (fetching == null) {
            fetching = CompletableFuture.supplyAsync(this::request, fetcher).whenComplete((fetched, failure) -> {
                synchronized (this) {
                    if (fetched != null) {
                        held = fetched;
                    }
                    fetching = null;
                }
            });
        }
        return fetching;
    }

    /** member-service refused this token (e.g. Keycloak's keys rotated): the next call fetches a new one. */
    synchronized void forget(String token) {
        if (held != null && held.token().equals(token)) {
            held = null;
        }
    }

    private Held request() {
        Instant asked = clock.instant();
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
            return new Held(answer.getToken(), asked.plus(keep), asked.plus(lifetime));
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

    record Held(String token, Instant renewAt, Instant expiresAt) {
    }
}
