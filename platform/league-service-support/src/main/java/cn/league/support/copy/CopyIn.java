package cn.league.support.copy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN}, sent on the connection of the current transaction: the fastest
 * way to store many rows, and what bulk paths use instead of one insert per row. Rows keep their order (serial ids
 * follow it). COPY has no {@code ON CONFLICT}: a unique violation fails the whole statement, as a
 * {@link DataAccessException} like any other, so callers keep a slower path for batches that meet one.
 */
public final class CopyIn {

    private final String target;
    private final StringBuilder rows;
    private int size;

    /** @param target the table and its columns, e.g. {@code platform.outbox_event (event_id, topic)} */
    public CopyIn(String target, int expectedRows) {
        this.target = target;
        this.rows = new StringBuilder(Math.max(64, expectedRows * 128));
    }

    /** One row: its values in the columns' order; null is SQL NULL, anything else is written as its text. */
    public CopyIn row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            appendText(values[i] == null ? null : values[i].toString());
        }
        rows.append('\n');
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    /** Stores the rows in the transaction bound to this data source (or on a connection of its own). */
    public void into(DataSource dataSource) {
        if (size == 0) {
            return;
        }
        byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String sql = "copy " + target + " from stdin";
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(data));
        } catch (SQLException e) {
            throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY", sql, e);
        } catch (IOException e) {
            throw new IllegalStateException("could not send " + size + " rows to " + target, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; null as {@code \N}. */
    private void appendText(String value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
