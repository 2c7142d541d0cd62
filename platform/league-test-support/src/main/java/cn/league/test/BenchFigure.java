package cn.league.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One key figure of a benchmark, the way every benchmark records it: what was measured, its goal (at least / at most),
 * the limit and the peer measured in the same run (their ratio is what compares between machines), and the CPU per
 * unit of work. {@link #record()} prints a uniform {@code BENCH} line and, when the system property
 * {@value #FILE_PROPERTY} names a file, appends the figure to it as one tab-separated line ({@link #tsv()}), which
 * {@code ./league bench} collects into its table ({@link BenchTable}).
 * <pre>
 * BenchFigure.of("org.scope_check.p99", 0.42, "ms").atMost(1).limit("select true p99", 0.15)
 *         .cpu(0.03, "ms/check").record();
 * </pre>
 * Ratios are always measured ÷ limit (or ÷ peer), in the figure's unit: 0.35 for an import at 35 % of a COPY's
 * rows/s, 2.8 for a p99 of 2.8 round trips.
 */
public final class BenchFigure {

    /** The system property naming the file the figures are appended to. */
    public static final String FILE_PROPERTY = "league.bench.file";
    private static final String NONE = "-";

    /** Which way is better; a goal is reached from this side. */
    public enum Better {
        HIGHER, LOWER
    }

    private final String name;
    private final double measured;
    private final String unit;
    private Better better;
    private Double goal;
    private String limitName;
    private Double limit;
    private String peerName;
    private Double peer;
    private Double cpu;
    private String cpuUnit;

    private BenchFigure(String name, double measured, String unit) {
        if (name.isBlank() || name.contains("\t") || unit.contains("\t")) {
            throw new IllegalArgumentException("a figure's name and unit have no tabs: " + name + " " + unit);
        }
        this.name = name;
        this.measured = measured;
        this.unit = unit;
    }

    /** A figure named {@code area.what} (e.g. {@code import.xlsx_rows_per_s}) measured in {@code unit}. */
    public static BenchFigure of(String name, double measured, String unit) {
        return new BenchFigure(name, measured, unit);
    }

    /** Goal: at least this much (higher is better). */
    public BenchFigure atLeast(double goal) {
        this.better = Better.HIGHER;
        this.goal = goal;
        return this;
    }

    /** Goal: at most this much (lower is better). */
    public BenchFigure atMost(double goal) {
        this.better = Better.LOWER;
        this.goal = goal;
        return this;
    }

    /** No goal stated; higher is better (what a regression is measured against). */
    public BenchFigure higherIsBetter() {
        this.better = Better.HIGHER;
        return this;
    }

    /** No goal stated; lower is better. */
    public BenchFigure lowerIsBetter() {
        this.better = Better.LOWER;
        return this;
    }

    /** What the same work costs on the bare path, measured in the same run in the figure's unit. */
    public BenchFigure limit(String name, double value) {
        this.limitName = cleaned(name);
        this.limit = value;
        return this;
    }

    /** Another way to do the same work, measured in the same run in the figure's unit. */
    public BenchFigure peer(String name, double value) {
        this.peerName = cleaned(name);
        this.peer = value;
        return this;
    }

    /** CPU per unit of work, e.g. {@code cpu(42, "ms/1000 rows")}. */
    public BenchFigure cpu(double value, String unit) {
        this.cpu = value;
        this.cpuUnit = cleaned(unit);
        return this;
    }

    /** Prints the {@code BENCH} line and appends the figure to the file {@value #FILE_PROPERTY} names, if any. */
    public void record() {
        if (better == null) {
            throw new IllegalStateException(name + ": say which way is better (atLeast, atMost, higherIsBetter, "
                    + "lowerIsBetter)");
        }
        System.out.println(line());
        String file = System.getProperty(FILE_PROPERTY, "");
        if (!file.isBlank()) {
            try {
                Path path = Path.of(file);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, tsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The {@code BENCH} line: every part of the figure in words. */
    public String line() {
        StringBuilder line = new StringBuilder("BENCH ").append(name).append(" = ").append(number(measured))
                .append(' ').append(unit);
        if (goal != null) {
            line.append(" (goal ").append(better == Better.HIGHER ? ">= " : "<= ").append(number(goal)).append(' ')
                    .append(unit).append(": ").append(met() ? "met" : "MISSED").append(')');
        }
        if (limit != null) {
            line.append("; limit ").append(limitName).append(' ').append(number(limit)).append(' ').append(unit)
                    .append(", ratio ").append(number(measured / limit));
        }
        if (peer != null) {
            line.append("; peer ").append(peerName).append(' ').append(number(peer)).append(' ').append(unit)
                    .append(", ratio ").append(number(measured / peer));
        }
        if (cpu != null) {
            line.append("; CPU ").append(number(cpu)).append(' ').append(cpuUnit);
        }
        return line.toString();
    }

    /**
     * The figure as one line of tab-separated fields, {@code -} for none: name, unit, better (higher|lower),
     * measured, goal, limit name, limit, peer name, peer, CPU per unit, its unit.
     */
    public String tsv() {
        List<String> fields = new ArrayList<>(List.of(name, unit, better.name().toLowerCase(Locale.ROOT),
                number(measured)));
        fields.add(goal == null ? NONE : number(goal));
        fields.add(limit == null ? NONE : limitName);
        fields.add(limit == null ? NONE : number(limit));
        fields.add(peer == null ? NONE : peerName);
        fields.add(peer == null ? NONE : number(peer));
        fields.add(cpu == null ? NONE : number(cpu));
        fields.add(cpu == null ? NONE : cpuUnit);
        return String.join("\t", fields);
    }

    /** The figure a line of {@link #tsv()} holds. */
    public static BenchFigure parse(String tsv) {
        String[] fields = tsv.split("\t", -1);
        if (fields.length != 11) {
            throw new IllegalArgumentException("not a figure line (11 tab-separated fields): " + tsv);
        }
        BenchFigure figure = of(fields[0], Double.parseDouble(fields[3]), fields[1]);
        boolean higher = fields[2].equals("higher");
        if (fields[4].equals(NONE)) {
            figure.better = higher ? Better.HIGHER : Better.LOWER;
        } else if (higher) {
            figure.atLeast(Double.parseDouble(fields[4]));
        } else {
            figure.atMost(Double.parseDouble(fields[4]));
        }
        if (!fields[6].equals(NONE)) {
            figure.limit(fields[5], Double.parseDouble(fields[6]));
        }
        if (!fields[8].equals(NONE)) {
            figure.peer(fields[7], Double.parseDouble(fields[8]));
        }
        if (!fields[9].equals(NONE)) {
            figure.cpu(Double.parseDouble(fields[9]), fields[10]);
        }
        return figure;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public Better better() {
        return better;
    }

    public double measured() {
        return measured;
    }

    /** The goal, or null when the benchmark states none. */
    public Double goal() {
        return goal;
    }

    public String limitName() {
        return limitName;
    }

    /** The limit measured in the same run, or null. */
    public Double limit() {
        return limit;
    }

    public String peerName() {
        return peerName;
    }

    /** The peer measured in the same run, or null. */
    public Double peer() {
        return peer;
    }

    /** CPU per unit of work, or null. */
    public Double cpu() {
        return cpu;
    }

    public String cpuUnit() {
        return cpuUnit;
    }

    /** The goal is met (true when there is none). */
    public boolean met() {
        return goal == null || (better == Better.HIGHER ? measured >= goal : measured <= goal);
    }

    /** Four significant digits, no exponent, no trailing zeros: 23918.4 → 23920, 0.0421337 → 0.04213. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String cleaned(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}
