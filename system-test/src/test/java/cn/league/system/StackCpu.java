package cn.league.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

import cn.league.test.CpuTime;

/**
 * CPU seconds used so far by the parts of a running {@code ./league up} stack that answer a request: a part (the
 * gateway, a service) is the process group its pid file names ({@code <LEAGUE_HOME>/run/<part>.pid}: the script starts
 * each part in a group of its own), and a service's database is the live PostgreSQL backends serving it — the
 * postmaster's children ({@code <LEAGUE_HOME>/postgres/data/postmaster.pid}) whose process title names the database.
 * Background work of those processes in the same time counts too; the bare round trip is measured the same way.
 */
final class StackCpu {

    private final Path home;

    StackCpu(Path home) {
        this.home = home;
    }

    /** CPU seconds so far of the parts answering a request: the gateway, the service, its database's backends. */
    record Answering(double gateway, double service, double database) {

        double total() {
            return gateway + service + database;
        }

        /** The CPU used since {@code before}, in ms per one of {@code requests}. */
        Answering millisPer(int requests, Answering before) {
            return new Answering((gateway - before.gateway) * 1000 / requests,
                    (service - before.service) * 1000 / requests, (database - before.database) * 1000 / requests);
        }
    }

    /** CPU seconds so far of the gateway, the service and the backends of the service's database. */
    Answering answering(String service, String database) {
        return new Answering(part("gateway"), part(service), database(database));
    }

    /** CPU seconds of the part's process group so far; 0 when its pid file is missing (the part is not running). */
    double part(String part) {
        Path pidFile = home.resolve("run").resolve(part + ".pid");
        String pid = read(pidFile).strip();
        return pid.isEmpty() ? 0 : CpuTime.processGroupSeconds(Long.parseLong(pid));
    }

    /** CPU seconds of the live PostgreSQL backends connected to this database so far. */
    double database(String database) {
        return postgres(commandLine -> isBackendOf(commandLine, database));
    }

    /**
     * CPU seconds so far of the whole stack: every part with a pid file but PostgreSQL's launcher, and every live
     * process of the PostgreSQL server (backends, checkpointer, autovacuum workers …) — what tells whether the stack is
     * at rest.
     */
    double stack() {
        double total = postgres(commandLine -> true);
        try (Stream<Path> pidFiles = Files.list(home.resolve("run"))) {
            for (Path pidFile : pidFiles.toList()) {
                String name = pidFile.getFileName().toString();
                if (name.endsWith(".pid") && !name.equals("postgres.pid")) {
                    total += part(name.substring(0, name.length() - ".pid".length()));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return total; // no stack running here
        }
        return total;
    }

    /** CPU seconds of the live children of the PostgreSQL server whose command line passes the test. */
    private double postgres(Predicate<String> commandLine) {
        String[] pidFile = read(home.resolve("postgres/data/postmaster.pid")).split("\n");
        if (pidFile[0].isBlank()) {
            return 0;
        }
        return CpuTime.childrenSeconds(Long.parseLong(pidFile[0].strip()), commandLine);
    }

    /**
     * A backend's process title is {@code postgres: <user> <database> <client> <state>}
     * (the client {@code 127.0.0.1(<port>)} or {@code [local]}); the server's own processes
     * (checkpointer, autovacuum worker, WAL writer …) name no user and database in those places.
     */
    static boolean isBackendOf(String cmdline, String database) {
        String[] words = cmdline.replace('\0', ' ').strip().split(" +");
        return words.length >= 4 && words[0].equals("postgres:") && words[2].equals(database)
                && (words[3].contains("(") || words[3].equals("[local]"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            return ""; // no such part, or the process ended meanwhile
        }
    }
}
