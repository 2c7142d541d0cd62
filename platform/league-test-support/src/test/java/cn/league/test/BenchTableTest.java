package cn.league.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchTableTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a figure prints one BENCH line with goal, limit, peer, ratios and CPU, and appends the same as TSV to league.bench.file")
    void recordsAFigure() throws Exception {
        Path file = dir.resolve("bench/run.tsv");
        System.setProperty(BenchFigure.FILE_PROPERTY, file.toString());
        try {
            BenchFigure figure = BenchFigure.of("import.xlsx", 3500, "rows/s").atLeast(20_000)
                    .limit("COPY", 40_000).peer("bulk path", 3888.8).cpu(0.3142, "s/1000 rows");
            assertThat(figure.line()).isEqualTo("BENCH import.xlsx = 3500 rows/s (goal >= 20000 rows/s: MISSED); "
                    + "limit COPY 40000 rows/s, ratio 0.0875; peer bulk path 3889 rows/s, ratio 0.9; "
                    + "CPU 0.3142 s/1000 rows");
            figure.record();
            BenchFigure.of("org.scope_check.p99", 0.42, "ms").atMost(1).record();
        } finally {
            System.clearProperty(BenchFigure.FILE_PROPERTY);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly(
                "import.xlsx\trows/s\thigher\t3500\t20000\tCOPY\t40000\tbulk path\t3889\t0.3142\ts/1000 rows",
                "org.scope_check.p99\tms\tlower\t0.42\t1\t-\t-\t-\t-\t-\t-");
        BenchFigure read = BenchFigure.parse(lines.getFirst());
        assertThat(read.line()).isEqualTo(BenchFigure.parse(read.tsv()).line());
        assertThat(read.met()).isFalse();
        assertThat(BenchFigure.parse(lines.get(1)).met()).isTrue();
    }

    @Test
    @DisplayName("a figure without a direction is refused: a regression could not be told from an improvement")
    void aFigureSaysWhichWayIsBetter() {
        assertThatThrownBy(() -> BenchFigure.of("x", 1, "ms").record()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("more than 20 % worse than the last run is flagged, by the figure's own direction and by its CPU per unit")
    void flagsRegressions() {
        List<BenchFigure> last = List.of(
                BenchFigure.of("rate.small_drop", 1000, "rows/s").higherIsBetter(),
                BenchFigure.of("rate.big_drop", 1000, "rows/s").atLeast(900),
                BenchFigure.of("rate.rise", 1000, "rows/s").higherIsBetter(),
                BenchFigure.of("p95.slower", 10, "ms").atMost(20),
                BenchFigure.of("p95.faster", 10, "ms").atMost(20),
                BenchFigure.of("cpu.heavier", 1000, "rows/s").higherIsBetter().cpu(10, "ms/1000 rows"),
                BenchFigure.of("gone", 1, "ms").lowerIsBetter());
        List<BenchFigure> now = List.of(
                BenchFigure.of("rate.small_drop", 810, "rows/s").higherIsBetter(),
                BenchFigure.of("rate.big_drop", 790, "rows/s").atLeast(900),
                BenchFigure.of("rate.rise", 2000, "rows/s").higherIsBetter(),
                BenchFigure.of("p95.slower", 12.5, "ms").atMost(20),
                BenchFigure.of("p95.faster", 5, "ms").atMost(20),
                BenchFigure.of("cpu.heavier", 1000, "rows/s").higherIsBetter().cpu(12.5, "ms/1000 rows"),
                BenchFigure.of("fresh", 1, "ms").lowerIsBetter());

        String table = BenchTable.format(now, last);

        assertThat(row(table, "rate.small_drop")).contains("-19 %").doesNotContain("REGRESSED");
        assertThat(row(table, "rate.big_drop")).contains(">= 900 rows/s", "MISSED", "-21 % REGRESSED");
        assertThat(row(table, "rate.rise")).contains("+100 %").doesNotContain("REGRESSED");
        assertThat(row(table, "p95.slower")).contains("met", "+25 % REGRESSED");
        assertThat(row(table, "p95.faster")).contains("-50 %").doesNotContain("REGRESSED");
        assertThat(row(table, "cpu.heavier")).contains("+0 %, CPU +25 % REGRESSED");
        assertThat(row(table, "fresh")).endsWith("new");
        assertThat(table).doesNotContain("gone")
                .endsWith("7 figures; 1 goals missed; 3 more than 20 % worse than the last run\n");
    }

    @Test
    @DisplayName("the table shows limit and peer with their ratios; without a last run nothing is flagged")
    void firstRun() {
        String table = BenchTable.format(List.of(BenchFigure.of("org.scope_check.p99", 0.42, "ms").atMost(1)
                .limit("select true p99", 0.15).cpu(0.031, "ms/check")), List.of());

        assertThat(table.lines().toList().getFirst()).startsWith("figure").contains("goal", "measured",
                "limit / peer (ratio)", "CPU per unit", "verdict", "vs last run");
        assertThat(row(table, "org.scope_check.p99")).contains("<= 1 ms", "0.42 ms", "limit select true p99 0.15 (2.8x)",
                "0.031 ms/check", "met", "new");
        assertThat(table).endsWith("1 figures; 0 goals missed; 0 more than 20 % worse than the last run "
                + "(no last run to compare)\n");
    }

    @Test
    @DisplayName("the baseline becomes this run's figures and keeps the last run's for what this run did not measure")
    void nextBaseline() throws Exception {
        Path run = dir.resolve("run.tsv");
        Path baseline = dir.resolve("last-quick.tsv");
        Files.write(baseline, List.of(BenchFigure.of("stats.snapshot", 12, "s").atMost(30).tsv(),
                BenchFigure.of("org.scope_check.p99", 0.5, "ms").atMost(1).tsv()));
        Files.write(run, List.of(BenchFigure.of("org.scope_check.p99", 0.42, "ms").atMost(1).tsv()));

        BenchTable.main(new String[] {run.toString(), baseline.toString()});

        assertThat(Files.readAllLines(baseline)).containsExactly(
                "org.scope_check.p99\tms\tlower\t0.42\t1\t-\t-\t-\t-\t-\t-",
                "stats.snapshot\ts\tlower\t12\t30\t-\t-\t-\t-\t-\t-");
    }

    private static String row(String table, String name) {
        return table.lines().filter(line -> line.startsWith(name + " ")).findFirst().orElseThrow();
    }
}
