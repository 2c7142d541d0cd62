package cn.league.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntFunction;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server of a {@code ./league up} stack as the benchmarks reach it from outside: a connection to one
 * service's database, and generated rows sent by {@code COPY} (the limit the bulk paths are held to).
 */
final class StackDatabase {

    /** A person as member-service's entry stores one (its other columns keep their defaults): COPY lines of 10 fields. */
    static final String COPY_PERSON = "copy person (id_number, name, birth_date, gender, ethnicity, political_status,"
            + " education, join_date, development_number, mobile) from stdin";
    /** A member's membership of a branch: ID number, branch id, the branch's path in the tree, the person's name. */
    static final String COPY_MEMBERSHIP = "copy membership (id_number, branch_id, org_path, name) from stdin";

    private StackDatabase() {
    }

    /** A connection to the database of the stack at this port offset (the server listens on 15432 + offset). */
    static Connection connect(int portOffset, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + (15432 + portOffset) + "/" + database,
                "league", "league");
    }

    /**
     * {@code count} lines in COPY's text format (tab-separated, ending in a newline) by one {@code COPY ... FROM
     * STDIN} on the connection, in its transaction, sent in chunks of about 1 MB.
     */
    static void copyIn(Connection connection, String copy, int count, IntFunction<String> line) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (int i = 0; i < count; i++) {
            chunk.append(line.apply(i));
            if (chunk.length() > (1 << 20) - 512 || i == count - 1) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        in.endCopy();
    }

    /**
     * Waits (up to 20 minutes) until member-service's outbox is empty: every event of what was stored has been relayed
     * to Kafka, so a flow's time includes its events.
     */
    static void awaitOutboxEmpty(int portOffset) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try (Connection member = connect(portOffset, "league_member"); Statement sql = member.createStatement()) {
            while (true) {
                try (ResultSet row = sql.executeQuery("select count(*) from platform.outbox_event")) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("member-service's outbox never emptied").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }
}
