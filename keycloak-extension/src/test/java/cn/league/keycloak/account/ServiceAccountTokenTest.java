package cn.league.keycloak.account;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lookup's token is asked for once, kept until shortly before it expires, and renewed off the login's thread. */
class ServiceAccountTokenTest {

    /** Stands in for Keycloak's token endpoint, which is not ours: counts the grants and what was sent. */
    HttpServer keycloak;
    AtomicInteger grants = new AtomicInteger();
    volatile String lastForm;
    volatile int status = 200;
    volatile long delayMillis = 0;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    ServiceAccountToken token;

    @BeforeEach
    void start() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/league/protocol/openid-connect/token", exchange -> {
            lastForm = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"access_token\":\"token-" + grants.incrementAndGet()
                    + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        token = new ServiceAccountToken(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort()
                        + "/realms/league/protocol/openid-connect/token"),
                "league-account-lookup", "s3cret&more", Duration.ofSeconds(3), clock);
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void aClientCredentialsGrantOnceThenTheSameTokenRenewedInTheBackgroundShortlyBeforeExpiry() {
        assertThat(token.get()).isEqualTo("token-1");
        assertThat(lastForm).isEqualTo(
                "grant_type=client_credentials&client_id=league-account-lookup&client_secret=s3cret%26more");

        clock.advance(Duration.ofSeconds(269));
        assertThat(token.get()).isEqualTo("token-1");
        assertThat(grants).hasValue(1);

        clock.advance(Duration.ofSeconds(1)); // 300 s lifetime less the 30 s margin: renewed, the old one still serves
        assertThat(token.get()).isEqualTo("token-1");
        await(() -> grants.get() == 2);
        await(() -> token.get().equals("token-2"));
    }

    @Test
    void aTokenAboutToExpireIsNotHandedOutTheCallerWaitsForTheNewOne() {
        assertThat(token.get()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(295));
        assertThat(token.get()).isEqualTo("token-2");
    }

    @Test
    void aCallerStoppedWhileWaitingDoesNotStopTheFetchTheNextCallerGetsItsToken() throws Exception {
        delayMillis = 500; // a cold, busy Keycloak; Keycloak interrupts a user-storage call after 3 s
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread login = new Thread(() -> {
            try {
                token.get();
            } catch (Throwable refused) {
                failure.set(refused);
            }
        });
        login.start();
        Thread.sleep(100);
        login.interrupt();
        login.join();
        assertThat(failure.get()).isInstanceOf(ModelException.class);

        await(() -> grants.get() == 1);
        delayMillis = 0;
        assertThat(token.get()).isEqualTo("token-1");
        assertThat(grants).hasValue(1);
    }

    @Test
    void aRefusedTokenIsForgottenAndTheNextCallGetsANewOne() {
        String first = token.get();
        token.forget("some-older-token");
        assertThat(token.get()).isEqualTo(first);

        token.forget(first);
        assertThat(token.get()).isEqualTo("token-2");
    }

    @Test
    void noTokenIsAnErrorNotAnEmptyToken() {
        status = 401;
        assertThatThrownBy(token::get).isInstanceOf(ModelException.class).hasMessageContaining("401");
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
