package cn.league.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo admin's token from the real Keycloak, fetched again before the realm's 5-minute lifespan ends. */
final class AdminTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String keycloak;
    private final String idNumber;
    private volatile String token;
    private volatile long fetchedAt;

    /** From the Keycloak of the test's stack. */
    AdminTokens(String idNumber) throws Exception {
        this(LeagueStack.keycloak(), idNumber);
    }

    /** From the Keycloak at this base URL, e.g. {@code http://127.0.0.1:18080}. */
    AdminTokens(String keycloak, String idNumber) throws Exception {
        this.keycloak = keycloak;
        this.idNumber = idNumber;
        fetch();
    }

    String current() throws Exception {
        if (System.nanoTime() - fetchedAt > Duration.ofMinutes(3).toNanos()) {
            synchronized (this) {
                if (System.nanoTime() - fetchedAt > Duration.ofMinutes(3).toNanos()) {
                    fetch();
                }
            }
        }
        return token;
    }

    private void fetch() throws Exception {
        String form = "grant_type=password&client_id=league-api&username=" + idNumber + "&password="
                + URLEncoder.encode(LeagueStack.DEMO_ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/league/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        token = JSON.readTree(response.body()).path("access_token").asString();
        fetchedAt = System.nanoTime();
    }
}
