package cn.league.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table {@code ./league bench} prints: one row per {@link BenchFigure} of this run (name, goal, measured, limit and
 * peer with their ratios, CPU per unit, verdict) and, against the figures of the previous run, a change more than
 * {@value #REGRESSION_PERCENT} % worse flagged {@code REGRESSED} — in the figure itself, or in its CPU per unit. Then
 * the baseline becomes this run's figures, and the baseline's own for what this run did not measure (a benchmark run
 * alone, or one that failed).
 * <pre>
 * java -cp platform/league-test-support/target/classes cn.league.test.BenchTable this-run.tsv baseline.tsv
 * </pre>
 */
public final class BenchTable {

    /** More than this much worse than the last run is a regression. */
    static final int REGRESSION_PERCENT = 20;

    private static final String[] HEADER = {"figure", "goal", "measured", "limit / peer (ratio)", "CPU per unit",
            "verdict", "vs last run"};

    private BenchTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchTable <this-run.tsv> <baseline.tsv>");
            System.exit(2);
        }
        Path baseline = Path.of(args[1]);
        List<BenchFigure> now = read(Path.of(args[0]));
        List<BenchFigure> before = Files.exists(baseline) ? read(baseline) : List.of();
        System.out.print(format(now, before));
        Files.write(baseline, nextBaseline(now, before).stream().map(BenchFigure::tsv).toList(),
                StandardCharsets.UTF_8);
    }

    /** This run's figures, then the baseline's figures this run did not measure. */
    static List<BenchFigure> nextBaseline(List<BenchFigure> now, List<BenchFigure> before) {
        Set<String> measured = new HashSet<>();
        now.forEach(figure -> measured.add(figure.name()));
        List<BenchFigure> next = new ArrayList<>(now);
        before.stream().filter(figure -> !measured.contains(figure.name())).forEach(next::add);
        return next;
    }

    static List<BenchFigure> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                .map(BenchFigure::parse).toList();
    }

    /** The table and a summary line: goals missed, figures regressed. */
    static String format(List<BenchFigure> now, List<BenchFigure> before) {
        Map<String, BenchFigure> last = new LinkedHashMap<>();
        before.forEach(figure -> last.put(figure.name(), figure));
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        int missed = 0;
        int regressed = 0;
        for (BenchFigure figure : now) {
            Change change = Change.between(last.get(figure.name()), figure);
            missed += figure.met() ? 0 : 1;
            regressed += change.regressed() ? 1 : 0;
            rows.add(new String[] {figure.name(), goal(figure),
                    BenchFigure.number(figure.measured()) + " " + figure.unit(), references(figure),
                    figure.cpu() == null ? "-" : BenchFigure.number(figure.cpu()) + " " + figure.cpuUnit(),
                    figure.goal() == null ? "-" : figure.met() ? "met" : "MISSED", change.text()});
        }
        StringBuilder table = new StringBuilder();
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? "" : "  ").append(row[c]).append(" ".repeat(widths[c] - row[c].length()));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        table.append("%d figures; %d goals missed; %d more than %d %% worse than the last run%s\n".formatted(now.size(),
                missed, regressed, REGRESSION_PERCENT, before.isEmpty() ? " (no last run to compare)" : ""));
        return table.toString();
    }

    private static String goal(BenchFigure figure) {
        if (figure.goal() == null) {
            return "-";
        }
        return (figure.better() == BenchFigure.Better.HIGHER ? ">= " : "<= ") + BenchFigure.number(figure.goal()) + " "
                + figure.unit();
    }

    private static String references(BenchFigure figure) {
        List<String> parts = new ArrayList<>();
        if (figure.limit() != null) {
            parts.add("limit " + figure.limitName() + " " + BenchFigure.number(figure.limit()) + " ("
                    + BenchFigure.number(figure.measured() / figure.limit()) + "x)");
        }
        if (figure.peer() != null) {
            parts.add("peer " + figure.peerName() + " " + BenchFigure.number(figure.peer()) + " ("
                    + BenchFigure.number(figure.measured() / figure.peer()) + "x)");
        }
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    /** A figure against the same figure of the last run: its change in percent, and its CPU per unit's. */
    record Change(String text, boolean regressed) {

        static Change between(BenchFigure last, BenchFigure now) {
            if (last == null) {
                return new Change("new", false);
            }
            List<String> parts = new ArrayList<>();
            boolean regressed = false;
            if (last.measured() != 0) {
                double percent = 100 * (now.measured() - last.measured()) / Math.abs(last.measured());
                double worse = now.better() == BenchFigure.Better.HIGHER ? -percent : percent;
                boolean figureRegressed = worse > REGRESSION_PERCENT;
                regressed |= figureRegressed;
                parts.add(signed(percent) + (figureRegressed ? " REGRESSED" : ""));
            }
            if (now.cpu() != null && last.cpu() != null && last.cpu() != 0) {
                double percent = 100 * (now.cpu() - last.cpu()) / Math.abs(last.cpu());
                boolean cpuRegressed = percent > REGRESSION_PERCENT;
                regressed |= cpuRegressed;
                parts.add("CPU " + signed(percent) + (cpuRegressed ? " REGRESSED" : ""));
            }
            return new Change(parts.isEmpty() ? "-" : String.join(", ", parts), regressed);
        }

        private static String signed(double percent) {
            return "%+.0f %%".formatted(percent);
        }
    }
}
