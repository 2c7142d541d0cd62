package cn.league.importing.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.importing.template.TemplateWriter;

/** Test files: the generated template, filled in with POI's usermodel as Excel or WPS would save it. */
public final class Workbooks {

    private Workbooks() {
    }

    public static byte[] template(Template template, FileFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TemplateWriter.template(template, format, out);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    /** The template with these rows of text cells from its third row on. */
    public static byte[] filled(Template template, FileFormat format, List<List<String>> rows) {
        return edit(template(template, format), format, sheet -> {
            int next = 2;
            for (List<String> values : rows) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
        });
    }

    public interface SheetEdit {
        void edit(Sheet sheet) throws IOException;
    }

    /** Opens a workbook, changes its first sheet, saves it. */
    public static byte[] edit(byte[] file, FileFormat format, SheetEdit edit) {
        try (Workbook book = format == FileFormat.XLS ? new HSSFWorkbook(new ByteArrayInputStream(file))
                : new XSSFWorkbook(new ByteArrayInputStream(file))) {
            edit.edit(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public static Path temp(byte[] bytes, String suffix) {
        try {
            Path file = Files.createTempFile("workbook-", suffix);
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Every data row as the importer reads it. */
    public static List<ParsedRow> read(Template template, byte[] bytes) {
        FileFormat format = FileFormat.of(bytes).orElseThrow(ImportProblems::notASpreadsheet);
        List<ParsedRow> rows = new java.util.ArrayList<>();
        TemplateFile.read(temp(bytes, "." + format.extension()), format, template, row -> {
            rows.add(ParsedRow.of(template, row));
            return true;
        });
        return rows;
    }
}
