package cn.league.support.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    private static final byte[] NULL = {'\\', 'N'};
    // well below half of G1's smallest region: one array of a whole batch's rows (megabytes) was allocated outside
    // the young generation and started a concurrent GC cycle every few batches
    private static final int CHUNK = 256 * 1024;

    private final String target;
    // the rows as UTF-8, written as they come: a text buffer turned UTF-16 by the first Chinese character, then
    // copied and encoded whole, cost the bulk path more than forming the rows
    private final List<byte[]> fullChunks = new ArrayList<>();
    private byte[] chunk;
    private int length;
    private int size;

    /** @param target the table and its columns, e.g. {@code platform.outbox_event (event_id, topic)} */
    public CopyIn(String target, int expectedRows) {
        this.target = target;
        this.chunk = new byte[Math.clamp(expectedRows * 128L, 64, CHUNK)];
    }

    /**
     * One row: its values in the columns' order; null is SQL NULL, a {@code byte[]} is text already in UTF-8,
     * anything else is written as its text.
     */
    public CopyIn row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                append((byte) '\t');
            }
            if (values[i] == null) {
                append(NULL);
            } else {
                appendText(values[i] instanceof byte[] utf8 ? utf8
                        : values[i].toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        append((byte) '\n');
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
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String sql = "copy " + target + " from stdin";
        try {
            org.postgresql.copy.CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                for (byte[] full : fullChunks) {
                    copy.writeToCopy(full, 0, full.length);
                }
                copy.writeToCopy(chunk, 0, length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY", sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * COPY's text format: backslash, tab, newline and carriage return escaped. Looking at the UTF-8 bytes is exact:
     * the bytes of a character beyond ASCII are all 0x80 or above.
     */
    private void appendText(byte[] value) {
        int plain = 0;
        while (plain < value.length && !special(value[plain])) {
            plain++;
        }
        if (plain == value.length) {
            append(value);
            return;
        }
        for (byte b : value) {
            if (special(b)) {
                append((byte) '\\');
                append(b == '\t' ? (byte) 't' : b == '\n' ? (byte) 'n' : b == '\r' ? (byte) 'r' : b);
            } else {
                append(b);
            }
        }
    }

    private static boolean special(byte b) {
        return b == '\\' || b == '\t' || b == '\n' || b == '\r';
    }

    private void append(byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            if (length == chunk.length) {
                nextChunk();
            }
            int part = Math.min(bytes.length - done, chunk.length - length);
            System.arraycopy(bytes, done, chunk, length, part);
            length += part;
            done += part;
        }
    }

    private void append(byte b) {
        if (length == chunk.length) {
            nextChunk();
        }
        chunk[length++] = b;
    }

    private void nextChunk() {
        fullChunks.add(chunk);
        chunk = new byte[CHUNK];
        length = 0;
    }
}
