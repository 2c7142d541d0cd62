package cn.league.support.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real HTTP peer that fails and recovers; the breaker stops calling it and resumes by itself. */
class PeerGuardTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger served = new AtomicInteger();
    private HttpServer peer;
    private HttpRequest request;

    @BeforeEach
    void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        peer.start();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + "/internal"))
                .build();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
    }

    @Test
    void aFailingPeerIsLeftAloneForAWhileThenTriedAgain() throws Exception {
        PeerGuard guard = new PeerGuard("member-service", Duration.ofMillis(500));
        status.set(503);
        for (int call = 0; call < 5; call++) {
            assertThat(guard.send(http, request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(503);
        }
        assertThat(guard.open()).isTrue();

        int before = served.get();
        assertThatThrownBy(() -> guard.send(http, request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(PeerGuard.PeerUnavailable.class).isInstanceOf(IOException.class);
        assertThat(served.get()).as("refused without calling the peer").isEqualTo(before);

        status.set(200);
        Thread.sleep(600);
        for (int call = 0; call < 3; call++) {
            assertThat(guard.send(http, request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        assertThat(guard.open()).as("closed by itself once the peer answered").isFalse();
    }

    @Test
    void answersBelow500AreTheCallersBusinessNotFailures() throws Exception {
        PeerGuard guard = new PeerGuard("keycloak");
        status.set(404);
        for (int call = 0; call < 10; call++) {
            assertThat(guard.send(http, request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        }
        assertThat(guard.open()).isFalse();
    }

    @Test
    void aPeerOutOfReachOpensTheBreaker() {
        PeerGuard guard = new PeerGuard("org-service");
        HttpRequest nowhere = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/internal")).build();
        for (int call = 0; call < 5; call++) {
            assertThatThrownBy(() -> guard.send(http, nowhere, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class);
        }
        assertThat(guard.open()).isTrue();
    }
}
