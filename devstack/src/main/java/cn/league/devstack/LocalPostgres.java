package cn.league.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of {@code ./league up}: a real server from the zonky binaries on Maven
 * Central, listening on 127.0.0.1 only, its data kept under the given folder between runs, with one
 * database per service owned by the role {@code league}. Runs until it is sent SIGTERM, then stops
 * the server cleanly.
 *
 * <p>Usage: {@code LocalPostgres <port> <data-dir> <database>[,<database>...]}
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalPostgres <port> <data-dir> <database>[,<database>...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDirectory = Path.of(args[1]).toAbsolutePath();
        String[] databases = args[2].split(",");

        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(120))
                .setRegisterShutdownHook(true)
                .start();

        try (Connection admin = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"))) {
            ensureRole(admin);
            for (String database : databases) {
                ensureDatabase(admin, database.trim());
            }
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + dataDirectory);
        Thread.currentThread().join();
    }

    private static void ensureRole(Connection admin) throws SQLException {
        if (!exists(admin, "select 1 from pg_roles where rolname = 'league'")) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create role league login password 'league'");
            }
        }
    }

    private static void ensureDatabase(Connection admin, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet found = query.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("create database " + database + " owner league");
        }
    }

    private static boolean exists(Connection admin, String sql) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet found = statement.executeQuery(sql)) {
            return found.next();
        }
    }
}
