package cn.league.importing.job;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.league.importing.parse.TemplateFile.DataRow;

/**
 * The data rows of a file as the first pass read them, spooled to a local file so the second pass reads them back
 * instead of parsing the workbook again (the parse is most of a job's CPU). Per row: its number, the count of cells,
 * each cell as its UTF-8 length and bytes (-1 for none). The spool is this run's alone and deleted when closed; a job
 * resumed elsewhere spools its file again.
 */
final class RowSpool implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private DataOutputStream out;
    private int rows;

    RowSpool(Path directory) throws IOException {
        this.file = Files.createTempFile(directory, "rows-", ".spool");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    /** Appends a row (before {@link #rows()} is read back). */
    void add(DataRow row) {
        try {
            out.writeInt(row.rowNumber());
            out.writeInt(row.cells().size());
            for (String cell : row.cells()) {
                if (cell == null) {
                    out.writeInt(-1);
                } else {
                    byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
            rows++;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Rows added. */
    int size() {
        return rows;
    }

    /** Receives each row read back; may throw what the second pass throws. */
    @FunctionalInterface
    interface RowHandler {
        void row(DataRow row) throws IOException, InterruptedException;
    }

    /** Reads every row back in the order added; ends the adding. */
    void rows(RowHandler handler) throws IOException, InterruptedException {
        if (out != null) {
            out.close();
            out = null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            for (int read = 0; read < rows; read++) {
                int rowNumber = in.readInt();
                int count = in.readInt();
                List<String> cells = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int length = in.readInt();
                    cells.add(length < 0 ? null : new String(bytes(in, length), StandardCharsets.UTF_8));
                }
                handler.row(new DataRow(rowNumber, cells));
            }
        } catch (EOFException cut) {
            throw new IOException("row spool " + file + " ends before its " + rows + " rows", cut);
        }
    }

    private static byte[] bytes(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        Files.deleteIfExists(file);
    }
}
