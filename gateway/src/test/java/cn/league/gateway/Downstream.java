package cn.league.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the services behind the gateway: answers every path with 200 and tells in headers what
 * it received ({@code X-Seen-Path}, {@code X-Seen-Authorization}, {@code X-Seen-Cookie}, {@code X-Seen-Org}). Paths ending in
 * {@code /slow} answer after 1.5 s, longer than Resilience4j's default time limit.
 */
final class Downstream {

    private final HttpServer server;

    private Downstream(HttpServer server) {
        this.server = server;
    }

    static Downstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", Downstream::answer);
            server.start();
            return new Downstream(server);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A port nothing listens on: a service that is down. */
    static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.getRequestBody().readAllBytes();
        var headers = exchange.getResponseHeaders();
        headers.add("X-Seen-Path", path);
        headers.add("X-Seen-Method", exchange.getRequestMethod());
        headers.add("X-Seen-Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        headers.add("X-Seen-Cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
        headers.add("X-Seen-Org", String.valueOf(exchange.getRequestHeaders().getFirst("X-League-Org")));
        headers.add("Content-Type", "application/json");
        byte[] body = path.endsWith("/v3/api-docs")
                ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\",\"version\":\"1\"},\"paths\":{}}"
                        .getBytes(StandardCharsets.UTF_8)
                : "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
