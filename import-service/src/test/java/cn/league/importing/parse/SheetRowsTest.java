package cn.league.importing.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import cn.league.importing.template.FileFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SheetRows reads an .xlsx sheet's cells itself (strings as text, without POI's XMLBeans rich text per cell): every
 * kind of cell must come out exactly as POI's own event handler (XSSFSheetXMLHandler) gives it, with shared strings
 * (as Excel and XSSFWorkbook write them) and with inline strings (as SXSSF and the failure workbook write them).
 */
class SheetRowsTest {

    @ParameterizedTest(name = "shared strings: {0}")
    @ValueSource(booleans = {true, false})
    void readsEveryCellAsPoisOwnHandler(boolean sharedStrings) throws Exception {
        Path file = Workbooks.temp(workbook(sharedStrings), ".xlsx");

        List<String> ours = new ArrayList<>();
        SheetRows.read(file, FileFormat.XLSX, (row, cells) -> ours.add(row + ": " + cells));

        assertThat(ours).hasSize(5).isEqualTo(poi(file));
        assertThat(ours.getFirst()).isEqualTo("1: [张三, 李四富文本, 行一\r行二, _x, 110101200003030011]");
    }

    @Test
    void anInlineStringChangedByPoisUsermodelReadsAsItsNewValue() throws Exception {
        byte[] inline = workbook(false);
        byte[] changed = Workbooks.edit(inline, FileFormat.XLSX, sheet -> sheet.getRow(1).getCell(0).setCellValue("张三丰"));

        List<String> rows = new ArrayList<>();
        SheetRows.read(Workbooks.temp(changed, ".xlsx"), FileFormat.XLSX, (row, cells) -> rows.add(row + ": " + cells));

        assertThat(rows.getFirst()).isEqualTo("1: [张三丰, 李四富文本, 行一\r行二, _x, 110101200003030011]");
    }

    /** Strings (rich, with a carriage return, CJK), numbers, dates, booleans, formulas, an error, blanks, far columns. */
    private static byte[] workbook(boolean sharedStrings) throws IOException {
        XSSFWorkbook base = new XSSFWorkbook();
        Sheet sheet = base.createSheet("数据");
        Font bold = base.createFont();
        bold.setBold(true);
        XSSFRichTextString rich = new XSSFRichTextString("李四富文本");
        rich.applyFont(0, 2, bold);
        CellStyle date = base.createCellStyle();
        date.setDataFormat(base.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle decimals = base.createCellStyle();
        decimals.setDataFormat(base.createDataFormat().getFormat("0.00"));
        try (Workbook book = sharedStrings ? base : new SXSSFWorkbook(base, 100, false, false)) {
            Sheet data = sharedStrings ? sheet : book.getSheetAt(0);
            Row a = data.createRow(1);
            a.createCell(0).setCellValue("张三");
            a.createCell(1).setCellValue(sharedStrings ? rich : new XSSFRichTextString("李四富文本"));
            a.createCell(2).setCellValue("行一\r行二");
            a.createCell(3).setCellValue("_x");
            a.createCell(4).setCellValue("110101200003030011");
            Row b = data.createRow(2);
            b.createCell(0).setCellValue(42494);
            b.createCell(1).setCellValue(3.5);
            b.createCell(2).setCellValue(110101200003030011.0);
            b.createCell(3).setCellValue(LocalDate.of(2016, 5, 4));
            b.getCell(3).setCellStyle(date);
            b.createCell(4).setCellValue(2.0 / 3);
            b.getCell(4).setCellStyle(decimals);
            Row c = data.createRow(3);
            c.createCell(0).setCellValue(true);
            c.createCell(1).setCellValue(false);
            c.createCell(2).setCellFormula("\"1101\"&\"01\"");
            c.createCell(3).setCellFormula("1+1");
            c.createCell(4).setCellFormula("1/0");
            c.createCell(5).setCellFormula("1=1");
            Row d = data.createRow(5);
            d.createCell(0).setCellStyle(date);
            d.createCell(1).setCellValue("");
            d.createCell(27).setCellValue("AB列");
            Row e = data.createRow(6);
            e.createCell(2).setCellValue("  空格  ");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
            return out.toByteArray();
        }
    }

    /** The rows as POI's XSSFSheetXMLHandler gives them, through the same number formatting. */
    private static List<String> poi(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var sheets = reader.getSheetsData();
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg, false), new XSSFSheetXMLHandler.SheetContentsHandler() {
                            private final List<String> cells = new ArrayList<>();
                            private int row;

                            @Override
                            public void startRow(int rowNum) {
                                row = rowNum;
                                cells.clear();
                            }

                            @Override
                            public void endRow(int rowNum) {
                                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                                    rows.add(row + ": " + cells);
                                }
                            }

                            @Override
                            public void cell(String reference, String value, XSSFComment comment) {
                                int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
                                if (value == null || value.isEmpty()) {
                                    return;
                                }
                                while (cells.size() <= column) {
                                    cells.add("");
                                }
                                cells.set(column, value);
                            }
                        }, new DataFormatter() {
                            @Override
                            public String formatRawCellContents(double value, int formatIndex, String formatString) {
                                return SheetRows.number(value, formatIndex, formatString);
                            }

                            @Override
                            public String formatRawCellContents(double value, int formatIndex, String formatString,
                                                                boolean use1904) {
                                return SheetRows.number(value, formatIndex, formatString);
                            }
                        }, false));
                xml.parse(new InputSource(sheet));
            }
        }
        return rows;
    }
}
