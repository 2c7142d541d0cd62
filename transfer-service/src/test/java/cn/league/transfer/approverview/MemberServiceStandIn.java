package cn.league.transfer.approverview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server answering member-service's transfer-card contract ({@code TransferCardApiTest} in
 * member-service pins the same document), so transfer-service's client, token, time limit and circuit breaker are
 * exercised over the wire. Like member-service it refuses a token without the realm role {@code league-transfer-cards}.
 */
final class MemberServiceStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, String> cards = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile String lastCaller;

    MemberServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/internal/members/", this::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The card member-service would give for this person. */
    void holds(String idNumber, String name, long branchId, String branchName) {
        cards.put(idNumber, """
                {"idNumber":"%s","name":"%s","gender":"MALE","birthDate":"2001-02-03","ethnicity":"汉族",\
                "politicalStatus":"共青团员","education":"本科","joinDate":"2016-05-04",\
                "developmentNumber":"201911000001",\
                "contact":{"mobile":"13800000001","email":"lisi@example.cn","address":"北京市东城区"},\
                "currentOrg":{"id":%d,"fullName":"%s"},\
                "orgAdmins":[{"name":"王书记","titles":["书记","组织委员"],"mobile":"13700000002","email":null,\
                "org":{"id":%d,"fullName":"%s"}}],\
                "emergencyContact":{"name":"李父","phone":"13900000009"}}"""
                .formatted(idNumber, name, branchId, branchName, branchId, branchName));
    }

    void answerAfter(Duration wait) {
        delay = wait;
    }

    int calls() {
        return calls.get();
    }

    /** {@code preferred_username} of the last token presented. */
    String lastCaller() {
        return lastCaller;
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try {
            Thread.sleep(delay);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
        String path = exchange.getRequestURI().getPath();
        String idNumber = path.substring("/internal/members/".length(), path.lastIndexOf("/transfer-card"));
        JsonNode claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
        if (claims == null) {
            send(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}");
            return;
        }
        lastCaller = claims.path("preferred_username").asString();
        boolean internal = false;
        for (JsonNode role : claims.path("realm_access").path("roles")) {
            internal |= "league-transfer-cards".equals(role.asString());
        }
        if (!internal) {
            send(exchange, 403, "{\"code\":\"ACCESS_DENIED\"}");
            return;
        }
        String card = cards.get(idNumber.toUpperCase());
        if (card == null) {
            send(exchange, 404, "{\"code\":\"PERSON_NOT_FOUND\",\"rule\":\"R-TR-13\",\"detail\":\"未查询到该团员\"}");
        } else {
            send(exchange, 200, card);
        }
    }

    /** The token's claims; its signature is member-service's concern, checked there against Keycloak's key. */
    private static JsonNode claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return parts.length != 3 ? null : JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the caller's time limit ran out first: nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
