package cn.league.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by a PostgreSQL server (its postmaster and every process it started), read
 * from Linux's {@code /proc}. Benchmarks print CPU per unit of work next to wall-clock rates: on a shared machine
 * the wall clock measures the neighbours too, CPU time measures only the work.
 */
public final class CpuTime {

    private static final Path PROC = Path.of("/proc");
    // fields of a stat file after the command name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12) cutime(13)
    private static final int PARENT = 1;
    private static final int GROUP = 2;

    private CpuTime() {
    }

    /** CPU seconds of this JVM from now on. */
    public static Span jvmSpan() {
        return new Span(-1);
    }

    /** CPU seconds of this JVM and of the PostgreSQL server one of whose backends has this pid, from now on. */
    public static Span span(long postgresBackendPid) {
        return new Span(postgresBackendPid);
    }

    /** CPU used since it was made: what a benchmark divides by its units of work. */
    public static final class Span {

        private final long backend;
        private final double jvm;
        private final double postgres;

        private Span(long backend) {
            this.backend = backend;
            this.jvm = jvmSeconds();
            this.postgres = backend < 0 ? 0 : postgresSeconds(backend);
        }

        /** CPU seconds of this JVM since the span began. */
        public double jvm() {
            return jvmSeconds() - jvm;
        }

        /** CPU seconds of PostgreSQL since the span began (0 when the span has no server). */
        public double postgres() {
            return backend < 0 ? 0 : postgresSeconds(backend) - postgres;
        }

        /** Both. */
        public double seconds() {
            return jvm() + postgres();
        }
    }

    /** CPU seconds (user + system) this JVM used so far, all threads. */
    public static double jvmSeconds() {
        return seconds(ProcessHandle.current().pid(), false);
    }

    /**
     * CPU seconds the live threads of this JVM whose name starts with one of these prefixes used so far, e.g. the
     * JIT compiler's ({@code "C2 CompilerThre"}: Linux keeps 15 characters of a thread's name). A thread that ended
     * meanwhile is not counted.
     */
    public static double jvmThreadSeconds(String... namePrefixes) {
        Path tasks = PROC.resolve(ProcessHandle.current().pid() + "/task");
        double total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String name = read(thread.resolve("comm")).strip();
                if (Stream.of(namePrefixes).anyMatch(name::startsWith)) {
                    total += seconds(stat(thread.resolve("stat")), false);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + tasks, e);
        }
        return total;
    }

    /**
     * CPU seconds the PostgreSQL server one of whose backends has this pid ({@code select pg_backend_pid()}) used
     * so far: the postmaster, its live children, and the children it reaped.
     */
    public static double postgresSeconds(long backendPid) {
        long postmaster = parentOf(backendPid);
        return seconds(postmaster, true) + processesSeconds(PARENT, postmaster, false);
    }

    /**
     * CPU seconds used so far by the processes of one process group (e.g. a part of {@code ./league up}, which
     * starts each part in its own group): every live member, and the children they reaped.
     */
    public static double processGroupSeconds(long groupId) {
        return processesSeconds(GROUP, groupId, true);
    }

    /**
     * CPU seconds used so far by the live children of this process whose command line (arguments separated by NUL, as
     * {@code /proc/<pid>/cmdline} holds it) passes the test — e.g. the PostgreSQL backends serving one database.
     */
    public static double childrenSeconds(long parentPid, Predicate<String> commandLine) {
        return processesSeconds(PARENT, parentPid, false, commandLine);
    }

    private static double processesSeconds(int field, long value, boolean withReapedChildren) {
        return processesSeconds(field, value, withReapedChildren, null);
    }

    /**
     * The live processes whose stat field {@code field} (e.g. {@link #PARENT}) is {@code value} and whose command line
     * passes the test (null: any), summed.
     */
    private static double processesSeconds(int field, long value, boolean withReapedChildren,
                                           Predicate<String> commandLine) {
        double total = 0;
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    String[] fields = stat(process.resolve("stat"));
                    if (fields != null && Long.parseLong(fields[field]) == value
                            && (commandLine == null || commandLine.test(read(process.resolve("cmdline"))))) {
                        total += seconds(fields, withReapedChildren);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + PROC, e);
        }
        return total;
    }

    private static long parentOf(long pid) {
        String[] fields = stat(PROC.resolve(pid + "/stat"));
        return fields == null ? -1 : Long.parseLong(fields[PARENT]);
    }

    private static double seconds(long pid, boolean withReapedChildren) {
        return seconds(stat(PROC.resolve(pid + "/stat")), withReapedChildren);
    }

    private static double seconds(String[] fields, boolean withReapedChildren) {
        if (fields == null) {
            return 0;
        }
        // fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14), in clock ticks
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks / 100.0; // USER_HZ is 100 on every Linux this runs on
    }

    /** The fields of a stat file after the command name (which may itself hold blanks and parentheses). */
    private static String[] stat(Path file) {
        String line = read(file);
        return line.isEmpty() ? null : line.substring(line.lastIndexOf(')') + 2).split(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            return ""; // the process or thread ended meanwhile
        }
    }
}
