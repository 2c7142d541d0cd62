package cn.league.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./league} touches only what belongs to its own stack (issue 16 item 6): {@code down} signals a recorded
 * process only while its command line is this stack's, and {@code up} refuses to start when a port of the stack is
 * held by something else. Driven as a shell user would, on a state folder and ports of its own; no stack starts.
 */
class LeagueScriptTest {

    /** Ports of their own, beside the system test's stack ({@code league.port-offset}) and below 32768. */
    static final int OFFSET = LeagueStack.OFFSET + 500;

    @TempDir
    Path home;
    Process stranger;
    Process ours;

    @AfterEach
    void endProcesses() throws InterruptedException {
        for (Process process : new Process[] {stranger, ours}) {
            if (process != null) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @DisplayName("./league down leaves alone a process whose pid it recorded but which is not this stack's (the pid was reused) and stops the one that is")
    void downStopsOnlyThisStacksProcesses() throws Exception {
        stranger = new ProcessBuilder("sleep", "300").start();
        // a part of this stack: its command line names the stack's state folder, as every part's does
        ours = new ProcessBuilder("bash", "-c", "sleep 300; : " + home + "/kafka/server.properties").start();
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/gateway.pid"), Long.toString(stranger.pid()));
        Files.writeString(home.resolve("run/kafka.pid"), Long.toString(ours.pid()));

        LeagueStack.Result down = league("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(stranger.isAlive()).as("a stranger with a recorded pid survives ./league down:\n%s", down.output())
                .isTrue();
        assertThat(down.output()).contains("pid " + stranger.pid() + " is no longer this stack's gateway");
        assertThat(ours.waitFor(30, TimeUnit.SECONDS)).as("this stack's process is stopped").isTrue();
        assertThat(home.resolve("run/gateway.pid")).doesNotExist();
        assertThat(home.resolve("run/kafka.pid")).doesNotExist();
    }

    @Test
    @DisplayName("./league up refuses, before building or starting anything, a port of the stack that something else holds")
    void upRefusesAPortTakenBySomethingElse() throws Exception {
        int gatewayPort = 8080 + OFFSET;
        try (ServerSocket squatter = new ServerSocket(gatewayPort, 50, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            LeagueStack.Result up = league("up");

            assertThat(up.exitCode()).as(up.output()).isNotZero();
            assertThat(up.output()).contains("port taken by something else").contains(gatewayPort + " (gateway)");
            assertThat(up.output()).doesNotContain("building").doesNotContain("started (pid");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            assertThat(home.resolve("run")).doesNotExist();
        }
    }

    private LeagueStack.Result league(String command) throws IOException, InterruptedException {
        Path log = home.resolve("league-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder(LeagueStack.ROOT.resolve("league").toString(), command)
                .directory(LeagueStack.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LEAGUE_HOME", home.toString());
        builder.environment().put("LEAGUE_PORT_OFFSET", Integer.toString(OFFSET));
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new LeagueStack.Result(-1, Files.readString(log));
        }
        return new LeagueStack.Result(process.exitValue(), Files.readString(log));
    }
}
