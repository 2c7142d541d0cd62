package cn.league.importing.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * member-service's {@code POST /internal/members/bulk} over real HTTP, for import-service's own tests (the system
 * test runs the real one, with every entry rule). Like member-service it refuses a token without the realm role
 * league-members-bulk. It stores each ID number once: a row seen again with the same org is ALREADY_IMPORTED, with
 * another org 身份证已注册; a row whose name starts with 拒 is refused as an invalid ID (a stand-in for the rules).
 */
public final class MemberServiceStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Long> stored = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> imported = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final List<String> uploaders = java.util.Collections.synchronizedList(new ArrayList<>());

    public MemberServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
        server.createContext("/internal/members/bulk", this::bulk);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times each ID number was stored (must never exceed one). */
    public Map<String, AtomicInteger> imported() {
        return imported;
    }

    public int receivedTimes(String idNumber) {
        AtomicInteger times = received.get(idNumber);
        return times == null ? 0 : times.get();
    }

    public boolean holds(String idNumber) {
        return stored.containsKey(idNumber);
    }

    public List<String> uploaders() {
        return uploaders;
    }

    private volatile int answerStatus;
    private volatile String answerBody;

    /** From now on every call is answered with this status and body, storing nothing; null body: as it should. */
    public void answer(int status, String body) {
        this.answerStatus = status;
        this.answerBody = body;
    }

    private synchronized void bulk(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!internal(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (answerBody != null) {
                byte[] body = answerBody.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answerStatus, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            uploaders.add(request.path("uploaderIdNumber").asString());
            ObjectNode result = JSON.createObjectNode();
            ArrayNode rows = result.putArray("rows");
            for (JsonNode row : request.path("rows")) {
                String id = row.path("person").path("idNumber").asString();
                long org = row.path("orgId").asLong();
                received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                ObjectNode outcome = rows.addObject().put("rowNumber", row.path("rowNumber").asInt()).put("idNumber", id);
                ArrayNode violations = outcome.putArray("violations");
                if (row.path("person").path("name").asString().startsWith("拒")) {
                    outcome.put("status", "REFUSED");
                    violations.addObject().put("code", "ID_NUMBER_CHECK_DIGIT").put("rule", "R-ID-4")
                            .put("message", "身份证号校验位不正确");
                } else if (stored.containsKey(id)) {
                    if (stored.get(id) == org) {
                        outcome.put("status", "ALREADY_IMPORTED");
                    } else {
                        outcome.put("status", "REFUSED");
                        violations.addObject().put("code", "ID_ALREADY_REGISTERED").put("rule", "R-AUTH-5")
                                .put("message", "身份证已注册");
                    }
                } else {
                    stored.put(id, org);
                    imported.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    outcome.put("status", "IMPORTED");
                }
            }
            byte[] body = JSON.writeValueAsBytes(result);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static boolean internal(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return JSON.readTree(claims).path("realm_access").path("roles").toString().contains("\"league-members-bulk\"");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
