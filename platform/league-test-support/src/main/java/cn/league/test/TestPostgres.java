package cn.league.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM, found in this order: {@code TEST_DATABASE_URL} (a JDBC URL
 * of a server the tests may create databases on, with user and password in the URL or in
 * {@code TEST_DATABASE_USER}/{@code TEST_DATABASE_PASSWORD}), a Testcontainers container when Docker
 * answers, otherwise an embedded server (zonky). Each caller gets its own database on it.
 */
public final class TestPostgres {

    private static TestPostgres instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final Set<String> created = new HashSet<>();

    private TestPostgres(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new TestPostgres(url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD"));
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            return new TestPostgres(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException failure) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    /** The JDBC URL of {@code database}, created empty the first time it is asked for in this JVM. */
    public synchronized String jdbcUrl(String database) {
        if (created.add(database)) {
            try (Connection admin = connect(adminUrl)) {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
                admin.createStatement().execute("create database " + database);
            } catch (SQLException failure) {
                throw new IllegalStateException("could not create test database " + database, failure);
            }
        }
        return withDatabase(database);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private Connection connect(String url) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    private String withDatabase(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }
}
