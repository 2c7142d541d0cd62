package cn.league.support.peer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * A service's calls to another part of the suite (a service's {@code /internal/**}, Keycloak) through a Resilience4j
 * circuit breaker: when most of the last calls found the peer out of reach or failing (no connection, no answer in
 * time, a 5xx), the breaker answers at once with {@link PeerUnavailable} for a while instead of letting every caller
 * wait for a timeout, then lets a few calls test the peer and closes by itself when they pass. The time limits are
 * the requests' own; callers treat {@link PeerUnavailable} as any other transport failure (it is an IOException).
 */
public final class PeerGuard {

    private static final Duration OPEN_FOR = Duration.ofSeconds(15);

    private final CircuitBreaker breaker;

    /** @param peer the peer's name, the breaker's name in logs and metrics */
    public PeerGuard(String peer) {
        this(peer, OPEN_FOR);
    }

    PeerGuard(String peer, Duration openFor) {
        this.breaker = CircuitBreaker.of(peer, CircuitBreakerConfig.custom()
                // half of the last ten calls, at least five of them
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordExceptions(IOException.class)
                .recordResult(answer -> answer instanceof HttpResponse<?> response && response.statusCode() >= 500)
                .build());
    }

    /** Sends the request unless the breaker is open; the peer's answer, whatever its status. */
    public <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return breaker.executeCheckedSupplier(() -> http.send(request, body));
        } catch (CallNotPermittedException open) {
            throw new PeerUnavailable(breaker.getName() + " failed repeatedly; not called for a while", open);
        } catch (IOException | InterruptedException | RuntimeException failure) {
            throw failure;
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** True while calls are refused without reaching the peer. */
    public boolean open() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    /** The breaker answered instead of the peer. */
    public static final class PeerUnavailable extends IOException {
        PeerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
