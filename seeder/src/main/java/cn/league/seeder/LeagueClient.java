package cn.league.seeder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The suite as any API client sees it: a person's token from Keycloak (the password grant of client
 * {@code league-api}, renewed before it runs out) and JSON calls through the gateway. Busy answers (429, 502, 503,
 * 504) and lost connections are retried with a growing pause; any other refusal is thrown as {@link Refused}.
 */
final class LeagueClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 12;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI gateway;
    private final URI tokenEndpoint;

    LeagueClient(URI gateway, URI keycloak) {
        this.gateway = gateway;
        this.tokenEndpoint = keycloak.resolve("/realms/league/protocol/openid-connect/token");
    }

    /** A refusal: the status and the problem's code and detail. */
    static final class Refused extends RuntimeException {

        final int status;
        final String code;

        Refused(int status, String code, String detail) {
            super(status + " " + code + ": " + detail);
            this.status = status;
            this.code = code;
        }
    }

    /** A person logged in; the token is renewed 60 s before it expires. */
    final class Session {

        private final String login;
        private final String password;
        private String token;
        private Instant renewAt = Instant.MIN;

        private Session(String login, String password) {
            this.login = login;
            this.password = password;
        }

        synchronized String token() {
            if (Instant.now().isAfter(renewAt)) {
                String form = "grant_type=password&client_id=league-api&username=" + encode(login) + "&password="
                        + encode(password);
                HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                HttpResponse<String> response = send(request);
                if (response.statusCode() != 200) {
                    throw new Refused(response.statusCode(), "LOGIN_FAILED",
                            "login of " + login + " refused: " + response.body());
                }
                JsonNode body = JSON.readTree(response.body());
                token = body.path("access_token").asString();
                renewAt = Instant.now().plusSeconds(Math.max(10, body.path("expires_in").asLong(300) - 60));
            }
            return token;
        }

        JsonNode get(String path) {
            return call(this, HttpRequest.newBuilder(gateway.resolve(path)).GET());
        }

        JsonNode post(String path, Object body) {
            return call(this, HttpRequest.newBuilder(gateway.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }
    }

    Session login(String login, String password) {
        Session session = new Session(login, password);
        session.token();
        return session;
    }

    /** A call without a login (the public forms). */
    JsonNode postAnonymous(String path, Object body) {
        return call(null, HttpRequest.newBuilder(gateway.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode call(Session session, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(120));
        for (int attempt = 1; ; attempt++) {
            if (session != null) {
                request.setHeader("Authorization", "Bearer " + session.token());
            }
            HttpResponse<String> response;
            try {
                response = send(request.build());
            } catch (IllegalStateException lost) {
                if (attempt >= ATTEMPTS) {
                    throw lost;
                }
                pause(attempt);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body().isEmpty() ? NullNode.getInstance() : JSON.readTree(response.body());
            }
            if ((status == 429 || status == 502 || status == 503 || status == 504) && attempt < ATTEMPTS) {
                pause(attempt);
                continue;
            }
            JsonNode problem = problem(response.body());
            throw new Refused(status, problem.path("code").asString("HTTP_" + status),
                    problem.path("detail").asString(response.body()));
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException lost) {
            throw new IllegalStateException("no answer from " + request.uri() + ": " + lost, lost);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private static JsonNode problem(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return NullNode.getInstance();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(10_000, 250L << Math.min(attempt, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
