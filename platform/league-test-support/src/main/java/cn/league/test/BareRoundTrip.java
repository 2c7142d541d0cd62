package cn.league.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * The limit a query benchmark compares with, measured in the same run: the same kind of call doing nothing, e.g.
 * {@code select true} on the same connection pool, or an HTTP GET of a service's liveness (no token, no database) on
 * the same port.
 */
public final class BareRoundTrip {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int WARM_UP = 200;

    private BareRoundTrip() {
    }

    /** The {@code quantile} (0..1) of {@code calls} timed calls, in ms, after a warm-up. */
    public static double millis(Runnable call, double quantile, int calls) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[Math.clamp((long) Math.ceil(quantile * calls) - 1, 0, calls - 1)] / 1e6;
    }

    /** The same for an HTTP GET of {@code /actuator/health/liveness} on this port of 127.0.0.1. */
    public static double httpMillis(int port, double quantile, int calls) {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).GET().build();
        return millis(() -> {
            try {
                HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, quantile, calls);
    }
}
