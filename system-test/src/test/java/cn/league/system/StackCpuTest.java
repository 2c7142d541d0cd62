package cn.league.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StackCpu} reads the CPU of a stack's parts from {@code /proc} as {@code ./league up} lays them out: each part
 * a process group named by its pid file, PostgreSQL's backends the postmaster's children titled with their database.
 * Real processes stand in for them (bash burning a little CPU under the titles PostgreSQL gives its processes).
 */
class StackCpuTest {

    /** About half a second of CPU in bash. */
    private static final String BURN = "i=0; while [ $i -lt 150000 ]; do i=$((i + 1)); done; sleep 120";

    @TempDir
    Path home;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a part's CPU is its process group's, the group its pid file names; a part with no pid file used none")
    void partIsTheProcessGroupOfItsPidFile() throws Exception {
        // as ./league starts a part: setsid, so the part leads a group of its own
        Process part = start("setsid", "bash", "-c", BURN);
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/gateway.pid"), part.pid() + "\n");
        StackCpu cpu = new StackCpu(home);

        assertThat(eventually(() -> cpu.part("gateway"))).isGreaterThanOrEqualTo(0.2);
        assertThat(cpu.part("org-service")).isZero();
    }

    @Test
    @DisplayName("a database's CPU is that of the postmaster's children titled as its backends, not the other databases' or the server's own processes")
    void databaseIsItsBackends() throws Exception {
        Process postmaster = start("bash", "-c", String.join(" & ",
                titled("postgres: league league_member 127.0.0.1(40001) idle", BURN),
                titled("postgres: autovacuum worker league_org", BURN),
                titled("postgres: league league_org 127.0.0.1(40002) idle", "sleep 120"), "wait"));
        Files.createDirectories(home.resolve("postgres/data"));
        Files.writeString(home.resolve("postgres/data/postmaster.pid"), postmaster.pid() + "\n" + home + "\n");
        StackCpu cpu = new StackCpu(home);

        assertThat(eventually(() -> cpu.database("league_member"))).isGreaterThanOrEqualTo(0.2);
        assertThat(cpu.database("league_org")).isLessThan(0.05);
        assertThat(cpu.database("league_stats")).isZero();
        StackCpu.Answering answering = cpu.answering("org-service", "league_member");
        assertThat(answering.database()).isGreaterThanOrEqualTo(0.2);
        assertThat(answering.total()).isEqualTo(answering.database());
        assertThat(answering.millisPer(4, new StackCpu.Answering(0, 0, answering.database() - 0.2)).total())
                .isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("a backend's title names user, database and client; the server's own processes are none of a database's")
    void backendTitles() {
        assertThat(StackCpu.isBackendOf("postgres: league league_org 127.0.0.1(53412) idle", "league_org")).isTrue();
        assertThat(StackCpu.isBackendOf("postgres: league league_org 127.0.0.1(53412) SELECT\0\0\0", "league_org"))
                .isTrue();
        assertThat(StackCpu.isBackendOf("postgres: league league_org [local] idle", "league_org")).isTrue();
        assertThat(StackCpu.isBackendOf("postgres: league league_member 127.0.0.1(53412) idle", "league_org"))
                .isFalse();
        assertThat(StackCpu.isBackendOf("postgres: autovacuum worker league_org", "league_org")).isFalse();
        assertThat(StackCpu.isBackendOf("postgres: checkpointer ", "league_org")).isFalse();
        assertThat(StackCpu.isBackendOf("/usr/lib/postgresql/bin/postgres\0-D\0/data\0", "league_org")).isFalse();
    }

    /** A child of the shell's, running the command under this process title (its command line). */
    private static String titled(String title, String command) {
        return "(exec -a '" + title + "' bash -c '" + command + "')";
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    /** The value once it reaches 0.2 s, or after a minute (a loaded machine runs the burn slowly). */
    private static double eventually(DoubleSupplier seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        double value = seconds.getAsDouble();
        while (value < 0.2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = seconds.getAsDouble();
        }
        return value;
    }
}
