package cn.league.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real stack, driven through the same {@code ./league} script a developer uses. */
final class LeagueStack {

    static final Path ROOT = Path.of(System.getProperty("league.root", "..")).toAbsolutePath().normalize();
    static final Path HOME = Path.of(System.getProperty("league.home", "target/league-stack")).toAbsolutePath();
    static final int OFFSET = Integer.getInteger("league.port-offset", 12000);
    /** The test-only Keycloak provider that tells the captcha's answer (cn.league.system.keycloak). */
    static final Path KEYCLOAK_TEST_PROVIDERS = Path.of(System.getProperty("league.keycloak-test-providers",
            "target/keycloak-test-providers")).toAbsolutePath();

    /**
     * {@code -Dleague.reuse-stack=true}: run the chosen steps against a stack already up at {@link #OFFSET} (started
     * with the environment {@link #league} sets), neither starting nor stopping it — for working on one step.
     */
    static final boolean REUSE = Boolean.getBoolean("league.reuse-stack");

    static final int GATEWAY_PORT = 8080 + OFFSET;
    /** The gateway's Actuator: its own port, not the public one. */
    static final int GATEWAY_MANAGEMENT_PORT = 8180 + OFFSET;
    static final int KEYCLOAK_PORT = 18080 + OFFSET;

    static final String DEMO_ADMIN_ID = "110105199001014329";
    static final String DEMO_ADMIN_PASSWORD = "Zhtj@2026";
    /**
     * Every captcha of member-service's public forms answers this in the stack the test starts: a test-only
     * property ({@code league.accounts.captcha.test-answer}) set through the environment; no shipped
     * configuration sets it.
     */
    static final String CAPTCHA_TEST_ANSWER = "SYS7";

    private LeagueStack() {
    }

    static String gateway() {
        return "http://127.0.0.1:" + GATEWAY_PORT;
    }

    static String keycloak() {
        return "http://127.0.0.1:" + KEYCLOAK_PORT;
    }

    /** Runs {@code ./league <args>}; returns its exit code, its output goes to target/league-*.log. */
    static Result league(Duration timeout, String... args) throws IOException, InterruptedException {
        Path log = HOME.getParent().resolve("league-" + String.join("-", args) + ".log");
        Files.createDirectories(HOME);
        ProcessBuilder builder = new ProcessBuilder(concat(ROOT.resolve("league").toString(), args))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LEAGUE_HOME", HOME.toString());
        builder.environment().put("LEAGUE_PORT_OFFSET", Integer.toString(OFFSET));
        builder.environment().put("LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER", CAPTCHA_TEST_ANSWER);
        builder.environment().put("LEAGUE_KEYCLOAK_EXTRA_PROVIDERS", KEYCLOAK_TEST_PROVIDERS.toString());
        // stats-service's snapshot every 5 seconds instead of every hour (R-STAT-5), so the test sees figures move
        builder.environment().put("LEAGUE_STATS_SNAPSHOT_CRON", "*/5 * * * * *");
        String javaOpts = System.getProperty("league.java-opts"); // the apps' JVM options, e.g. for a benchmark
        if (javaOpts != null && !javaOpts.isBlank()) {
            builder.environment().put("LEAGUE_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** Deletes the stack's data, logs and unpacked Keycloak. */
    static void forgetState() throws IOException {
        if (Files.exists(HOME)) {
            try (var paths = Files.walk(HOME)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Another replica of a service beside the one ./league started: its jar, the dev profile, the stack's database,
     * Kafka and Keycloak, its own port and instance id ({@code <service>-2}); returns once it is ready (its Kafka
     * consumers have their partitions). Its log is {@code <service>-2.log} in the stack's folder.
     */
    static Process startReplica(String service, String database, int port, String... settings) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-jar",
                ROOT.resolve(service + "/target/" + service + ".jar").toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + (15432 + OFFSET) + "/" + database,
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + (19092 + OFFSET),
                "--league.keycloak.url=" + keycloak(),
                "--league.instance-id=" + service + "-2", "--spring.profiles.active=dev"));
        command.addAll(List.of(settings));
        Path log = HOME.resolve(service + "-2.log");
        Process replica = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(replica, "second " + service + " replica", port, log);
        return replica;
    }

    /**
     * A gateway replica beside the stack's services, as an SRE runs several: its own public, management and grid
     * ports, the stack's grid name (so it joins the stack's other replicas, never another stack's), the other
     * replicas' grid addresses; returns once it is ready. Its log is {@code gateway-<port>.log} in the stack's folder.
     */
    static Process startGatewayReplica(int port, int managementPort, int gridPort, List<Integer> otherGridPorts,
                                       String... settings) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-jar",
                ROOT.resolve("gateway/target/gateway.jar").toString(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--spring.profiles.active=dev",
                "--management.server.address=127.0.0.1", "--management.server.port=" + managementPort,
                "--league.gateway.grid.cluster-name=league-gateway-" + OFFSET,
                "--league.gateway.grid.port=" + gridPort,
                "--league.gateway.grid.members=" + String.join(",", otherGridPorts.stream()
                        .map(other -> "127.0.0.1:" + other).toList()),
                "--league.keycloak.url=" + keycloak()));
        String[] routes = {"org", "member", "transfer", "import", "stats", "identity"};
        for (int i = 0; i < routes.length; i++) {
            command.add("--league.routes." + routes[i] + "=http://127.0.0.1:" + (8081 + i + OFFSET));
        }
        command.addAll(List.of(settings));
        Path log = HOME.resolve("gateway-" + port + ".log");
        Process replica = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(replica, "gateway replica on " + port, managementPort, log);
        return replica;
    }

    private static void awaitReady(Process process, String what, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new AssertionError("the " + what + " exited; see " + log);
            }
            Thread.sleep(1000);
        }
        process.destroyForcibly();
        throw new AssertionError("the " + what + " did not become ready; see " + log);
    }

    /** The PIDs ./league recorded for the parts it started. */
    static List<Long> recordedPids() throws IOException {
        File run = HOME.resolve("run").toFile();
        File[] files = run.listFiles((dir, name) -> name.endsWith(".pid"));
        if (files == null) {
            return List.of();
        }
        return java.util.Arrays.stream(files).map(file -> {
            try {
                return Long.parseLong(Files.readString(file.toPath()).trim());
            } catch (IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
        }).toList();
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    record Result(int exitCode, String output) {
    }
}
