package cn.league.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./league bench} (issue 18 item 3) runs every benchmark of the repository, each in the module it lives in,
 * and refuses a name it does not know before running anything, and the seeded benchmark when no stack answers on its
 * ports. The table and the comparison with the last run are
 * {@code BenchTable}'s, tested in league-test-support. Driven as a shell user would; no benchmark runs.
 */
class LeagueBenchTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("./league bench --list names every *Benchmark class of the repository once, in the module that holds it")
    void everyBenchmarkIsRun() throws Exception {
        LeagueStack.Result list = league("bench", "--list");
        assertThat(list.exitCode()).as(list.output()).isZero();

        Set<String> listed = new TreeSet<>();
        for (String line : list.output().strip().split("\n")) {
            String[] fields = line.split("\t", -1);
            assertThat(fields).as(line).hasSize(4);
            for (String test : fields[2].split(",")) {
                try (Stream<Path> files = Files.walk(LeagueStack.ROOT.resolve(fields[1]).resolve("src/test/java"))) {
                    assertThat(files.filter(file -> file.getFileName().toString().equals(test + ".java")))
                            .as("%s in %s", test, fields[1]).hasSize(1);
                }
                assertThat(listed.add(test)).as("%s listed once", test).isTrue();
            }
        }
        Set<String> inRepository = new TreeSet<>();
        // the modules' test sources: <module>/src/test/java and platform/<module>/src/test/java
        try (Stream<Path> folders = Files.walk(LeagueStack.ROOT, 5)) {
            for (Path tests : folders.filter(folder -> folder.endsWith(Path.of("src", "test", "java"))).toList()) {
                try (Stream<Path> files = Files.walk(tests)) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("Benchmark.java"))
                            .forEach(name -> inRepository.add(name.replace(".java", "")));
                }
            }
        }
        assertThat(listed).isEqualTo(inRepository);
    }

    @Test
    @DisplayName("./league bench refuses a benchmark it does not know, naming those it knows, before building anything")
    void refusesAnUnknownBenchmark() throws Exception {
        LeagueStack.Result bench = league("bench", "--quick", "orgs");

        assertThat(bench.exitCode()).as(bench.output()).isNotZero();
        assertThat(bench.output()).contains("no benchmark 'orgs'; there are: org member transfer import identity stats")
                .doesNotContain("JDK:");
        assertThat(home.resolve("bench")).doesNotExist();
    }

    @Test
    @DisplayName("./league bench seeded without a stack on the script's ports says how to get a seeded one, before building anything")
    void seededNeedsARunningSeededStack() throws Exception {
        // ports nothing listens on: beside the system test's stack and LeagueScriptTest's
        int offset = LeagueStack.OFFSET + 600;
        LeagueStack.Result bench = league(Map.of("LEAGUE_PORT_OFFSET", Integer.toString(offset)), "bench", "--quick",
                "seeded");

        assertThat(bench.exitCode()).as(bench.output()).isNotZero();
        assertThat(bench.output()).contains("no stack answers on the ports of LEAGUE_PORT_OFFSET=" + offset)
                .contains("gateway 127.0.0.1:" + (8080 + offset))
                .contains("LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=SEED ./league up, then "
                        + "LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=SEED ./league seed province, then ./league bench seeded")
                .doesNotContain("JDK:");
        assertThat(home.resolve("bench")).doesNotExist();
    }

    private LeagueStack.Result league(String... args) throws Exception {
        return league(Map.of(), args);
    }

    private LeagueStack.Result league(Map<String, String> environment, String... args) throws Exception {
        Path log = home.resolve("league.log");
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(LeagueStack.ROOT.resolve("league")
                .toString()), Stream.of(args)).toList()).directory(LeagueStack.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LEAGUE_HOME", home.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new LeagueStack.Result(-1, Files.readString(log));
        }
        return new LeagueStack.Result(process.exitValue(), Files.readString(log));
    }
}
