package cn.league.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer as small as a test needs: one address in front of several gateway replicas, each request to the
 * next replica in turn (a replica that refuses the connection is skipped, as a balancer's health check would). It
 * tells the replicas where the browser called, as a real proxy does ({@code X-Forwarded-*}), so their login redirects
 * name this address; the replicas trust it (league.gateway.trusted-proxies).
 */
final class RoundRobinProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, and hop-by-hop ones: never copied. */
    private static final Set<String> NOT_COPIED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "forwarded");

    private final HttpServer server;
    private final List<Integer> replicas;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    /** Path prefix → the replica port that last served a request under it. */
    private final Map<String, Integer> lastServed = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> served = new ConcurrentHashMap<>();

    RoundRobinProxy(int port, List<Integer> replicas) throws IOException {
        this.replicas = List.copyOf(replicas);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The replica that served the latest request whose path starts with {@code prefix}. */
    int servedLast(String prefix) {
        Integer port = lastServed.get(prefix);
        if (port == null) {
            throw new AssertionError("no request under " + prefix + " came through the proxy");
        }
        return port;
    }

    /** Requests each replica has served. */
    Map<Integer, Integer> servedCounts() {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        served.forEach((port, count) -> counts.put(port, count.get()));
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int start = Math.floorMod(next.getAndIncrement(), replicas.size());
            for (int tried = 0; tried < replicas.size(); tried++) {
                int replica = replicas.get((start + tried) % replicas.size());
                HttpResponse<byte[]> response;
                try {
                    response = http.send(toReplica(exchange, replica, body), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException down) {
                    continue;
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException(interrupted);
                }
                String path = exchange.getRequestURI().getPath();
                for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    lastServed.put(path.substring(0, slash + 1), replica);
                }
                lastServed.put(path, replica);
                served.computeIfAbsent(replica, port -> new AtomicInteger()).incrementAndGet();
                respond(exchange, response);
                return;
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private HttpRequest toReplica(HttpExchange exchange, int replica, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + replica + exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        InetSocketAddress address = exchange.getLocalAddress();
        return request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress())
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", address.getHostString())
                .header("X-Forwarded-Port", Integer.toString(address.getPort()))
                .build();
    }

    private static void respond(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
