package cn.league.keycloak.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.keycloak.models.ModelException;

/**
 * member-service's {@code GET /internal/accounts/{idNumber}}, called with the lookup's service-account token. The
 * timeouts are short: a login waits on this call, and a slow member-service must fail the login, not hang it.
 */
final class MemberAccounts {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final URI memberServiceUrl;
    private final ServiceAccountToken token;

    MemberAccounts(LookupSettings settings) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.memberServiceUrl = settings.memberServiceUrl();
        this.token = new ServiceAccountToken(http, settings.tokenUrl(), settings.clientId(), settings.clientSecret(),
                REQUEST_TIMEOUT, Clock.systemUTC());
        token.fetch(); // ready before the first lookup needs it, as far as possible
    }

    /**
     * What member-service says about a well-shaped ID number. Throws when it cannot be asked: Keycloak then fails
     * the login, and never takes silence for "deleted" (which would drop the person's own password).
     */
    MemberAccount find(String idNumber) {
        String bearer = token.get();
        HttpResponse<String> response = get(idNumber, bearer);
        if (response.statusCode() == 401) {
            token.forget(bearer);
            response = get(idNumber, token.get());
        }
        if (response.statusCode() != 200) {
            throw new ModelException("member-service answered " + response.statusCode() + " to the account lookup");
        }
        return MemberAccount.fromJson(response.body());
    }

    private HttpResponse<String> get(String idNumber, String bearer) {
        // the ID number was checked against IdNumberShape: digits and X only, safe in a path
        URI url = URI.create(memberServiceUrl + "/internal/accounts/" + idNumber.toUpperCase(Locale.ROOT));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new ModelException("member-service is not reachable for the account lookup: " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted during the account lookup", interrupted);
        }
    }
}
