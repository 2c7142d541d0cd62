package cn.league.importing.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.league.importing.template.Column;
import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;

/**
 * Reads an uploaded file as the template it must be (R-IMP-1): finds the marker and the header row among the first
 * rows, refuses the other template with the FAQ's sentence and anything else as no template, then hands on each
 * data row with its cells in the template's column order — wherever the columns stand, whatever extra columns sit
 * beside them.
 */
public final class TemplateFile {

    /** Rows searched for the header row (the marker row and a title or two above it). */
    private static final int HEADER_SEARCH_ROWS = 5;

    private TemplateFile() {
    }

    /** One data row: its number as Excel shows it (1-based), its cells in template column order. */
    public record DataRow(int rowNumber, List<String> cells) {
    }

    /** Receives each data row; returns false to stop. */
    @FunctionalInterface
    public interface DataRowHandler {
        boolean row(DataRow row);
    }

    /** Reads the whole file; every data row to the handler. Refusals as {@link ImportProblems}. */
    public static void read(Path file, FileFormat format, Template expected, DataRowHandler handler) {
        Layout layout = new Layout(expected);
        SheetRows.read(file, format, (rowIndex, cells) -> {
            if (layout.columns == null) {
                layout.see(cells);
                return true;
            }
            List<String> values = new ArrayList<>(layout.columns.length);
            boolean blank = true;
            for (int index : layout.columns) {
                String value = index < cells.size() ? cells.get(index) : "";
                blank &= CellText.clean(value).isEmpty();
                values.add(value);
            }
            return blank || handler.row(new DataRow(rowIndex + 1, values));
        });
        if (layout.columns == null) {
            throw ImportProblems.notATemplate();
        }
    }

    /** Reads only as far as the header row: is this the expected template? */
    public static void check(Path file, FileFormat format, Template expected) {
        read(file, format, expected, row -> false);
    }

    private static final class Layout {
        private final Template expected;
        private Template marked;
        private int seen;
        private int[] columns;

        Layout(Template expected) {
            this.expected = expected;
        }

        void see(List<String> cells) {
            if (++seen > HEADER_SEARCH_ROWS) {
                throw ImportProblems.notATemplate();
            }
            List<String> headers = cells.stream().map(CellText::clean).toList();
            Optional<Template> marker = Template.ofMarker(headers.isEmpty() ? null : headers.get(0));
            if (marker.isPresent()) {
                marked = marker.get();
                return;
            }
            Optional<Template> byHeaders = Template.ofHeaders(headers);
            if (byHeaders.isEmpty()) {
                return;
            }
            Template found = marked != null ? marked : byHeaders.get();
            if (found != expected) {
                throw ImportProblems.mixedUp();
            }
            if (!headers.containsAll(expected.columns().stream().map(Column::header).toList())) {
                throw ImportProblems.notATemplate();
            }
            columns = expected.columns().stream().mapToInt(column -> headers.indexOf(column.header())).toArray();
        }
    }
}
