package cn.league.identity.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The identity centre stand-in as its own process on a real port (the module identity-centre's runnable jar), one per
 * test JVM: identity-verification-service talks to it over HTTP exactly as to the real centre.
 */
public final class CentreProcess {

    public static final String CLIENT_ID = "league-identity";
    public static final String CLIENT_SECRET = "test-secret";
    private static final String OPERATOR_PASSWORD = "test-operator";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static CentreProcess instance;

    private final int port;
    private final Process process;

    private CentreProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The centre's process id, to measure the CPU it used. */
    public long pid() {
        return process.pid();
    }

    public static synchronized CentreProcess get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Changes the centre's behaviour from now on, e.g. {@code {"down":true}} or {@code {"lagMillis":2000}}. */
    public void settings(String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/ops/settings"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the centre refused the settings: " + response.body());
            }
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Back to a healthy centre without faults. */
    public void normal() {
        settings("{\"down\":false,\"errorRate\":0,\"latencyMillis\":5,\"quotaPerSecond\":5000,\"maxBatch\":100,"
                + "\"lagMillis\":2000}");
    }

    private static CentreProcess start() {
        Path jar = Path.of("..", "identity-centre", "target", "identity-centre-exec.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the module identity-centre first "
                    + "(./mvnw -pl identity-verification-service -am verify builds it)");
        }
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path log = Files.createTempFile("identity-centre", ".log");
            Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
                    "--centre.clients." + CLIENT_ID + "=" + CLIENT_SECRET,
                    "--centre.operator-password=" + OPERATOR_PASSWORD, "--centre.latency=5ms", "--centre.lag=2s"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            CentreProcess centre = new CentreProcess(port, process);
            centre.awaitUp(process, log.toFile());
            return centre;
        } catch (IOException failure) {
            throw new IllegalStateException("the centre did not start", failure);
        }
    }

    private void awaitUp(Process process, File log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the centre stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/v1/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new IllegalStateException("the centre was not up in 90 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
