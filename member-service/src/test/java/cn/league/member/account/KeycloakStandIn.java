package cn.league.member.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import cn.league.test.TestTokens;

/**
 * Stands in for Keycloak's token endpoint and the two admin calls member-service makes (exact user search, reset
 * password), with the realm's minimum length as its only password rule. Keycloak itself is exercised by the system
 * test; here it is the outside world the service talks to. {@link #federateWith} makes an exact search of an unknown
 * login name ask member-service's account lookup and import the person, as the league's Keycloak extension does.
 */
public final class KeycloakStandIn {

    public static final String CLIENT_ID = "league-accounts";
    public static final String SECRET = "stand-in-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    /** login name (lower-case) → Keycloak user id */
    private final Map<String, String> users = new ConcurrentHashMap<>();
    /** Keycloak user id → the password set last */
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private volatile String memberServiceUrl;
    private volatile boolean resetsFail;

    private KeycloakStandIn(HttpServer server) {
        this.server = server;
    }

    public static KeycloakStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            KeycloakStandIn keycloak = new KeycloakStandIn(server);
            server.createContext("/", keycloak::answer);
            server.start();
            return keycloak;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A person with an account (Keycloak keeps login names lower-case). */
    public void addUser(String idNumber) {
        users.put(idNumber.toLowerCase(), "kc-" + idNumber.toLowerCase());
    }

    public String passwordOf(String idNumber) {
        return passwords.get("kc-" + idNumber.toLowerCase());
    }

    /** Unknown login names are looked up at member-service's {@code /internal/accounts} and imported if they may log in. */
    public void federateWith(String memberServiceUrl) {
        this.memberServiceUrl = memberServiceUrl;
    }

    /** While true, setting a password fails as a Keycloak in trouble would (500). */
    public void resetsFail(boolean fail) {
        this.resetsFail = fail;
    }

    private String imported(String username) {
        if (memberServiceUrl == null || username == null) {
            return null;
        }
        try {
            HttpResponse<String> account = HTTP.send(HttpRequest.newBuilder(URI.create(memberServiceUrl
                            + "/internal/accounts/" + username.toUpperCase()))
                    .header("Authorization", "Bearer " + TestTokens.get().serviceAccountToken("league-account-lookup"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (account.statusCode() != 200 || !JSON.readTree(account.body()).path("mayLogIn").asBoolean()) {
                return null;
            }
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
        addUser(username);
        return users.get(username);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        if (path.equals("/realms/league/protocol/openid-connect/token") && method.equals("POST")) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || !body.contains("grant_type=client_credentials")) {
                reply(exchange, 401, "{\"error\":\"unauthorized_client\"}");
                return;
            }
            reply(exchange, 200, "{\"access_token\":\"service-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
            return;
        }
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "");
            return;
        }
        if (path.equals("/admin/realms/league/users") && method.equals("GET")) {
            String query = exchange.getRequestURI().getRawQuery();
            String username = null;
            for (String pair : query.split("&")) {
                if (pair.startsWith("username=")) {
                    username = URLDecoder.decode(pair.substring(9), StandardCharsets.UTF_8);
                }
            }
            String id = users.get(username);
            if (id == null && query.contains("exact=true")) {
                id = imported(username);
            }
            reply(exchange, 200, id == null || !query.contains("exact=true") ? "[]"
                    : JSON.writeValueAsString(new Object[] {Map.of("id", id, "username", username)}));
            return;
        }
        if (path.startsWith("/admin/realms/league/users/") && path.endsWith("/reset-password")
                && method.equals("PUT")) {
            String id = path.substring("/admin/realms/league/users/".length(), path.length() - "/reset-password".length());
            String password = JSON.readTree(body).path("value").asString();
            if (resetsFail) {
                reply(exchange, 500, "{\"error\":\"unknown_error\"}");
                return;
            }
            if (password.length() < 8) {
                reply(exchange, 400, "{\"error\":\"invalidPasswordMinLengthMessage\","
                        + "\"error_description\":\"Invalid password: minimum length 8.\"}");
                return;
            }
            passwords.put(id, password);
            reply(exchange, 204, null);
            return;
        }
        reply(exchange, 404, "");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
        exchange.close();
    }
}
