package cn.league.importing.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.league.importing.parse.TemplateFile;
import cn.league.importing.parse.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    static Workbook open(byte[] bytes, FileFormat format) throws IOException {
        return format == FileFormat.XLS ? new HSSFWorkbook(new ByteArrayInputStream(bytes))
                : new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @DisplayName("R-IMP-1 both templates in both formats: Chinese headers, hidden marker, instructions, drop-downs for every enumerated column, text cells for IDs and numbers")
    void layout(FileFormat format) throws IOException {
        for (Template template : Template.values()) {
            try (Workbook book = open(Workbooks.template(template, format), format)) {
                Sheet data = book.getSheetAt(0);
                assertThat(data.getSheetName()).isEqualTo(template.title());
                assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
                assertThat(book.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
                assertThat(data.getRow(0).getZeroHeight()).isTrue();
                assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo(template.marker());
                for (int i = 0; i < template.columns().size(); i++) {
                    Column column = template.columns().get(i);
                    assertThat(data.getRow(1).getCell(i).getStringCellValue()).isEqualTo(column.header());
                    if (column.text()) {
                        assertThat(data.getColumnStyle(i).getDataFormatString()).as(column.header()).isEqualTo("@");
                    }
                }
                List<? extends DataValidation> validations = data.getDataValidations();
                long enumerated = template.columns().stream().filter(column -> !column.choices().isEmpty()).count();
                assertThat(validations).hasSize((int) enumerated);
                assertThat(book.getName("list_ethnicity").getRefersToFormula()).contains("选项");
            }
        }
    }

    @Test
    @DisplayName("R-IMP-1 the templates open cleanly in LibreOffice (headless conversion to the other format) and read back as themselves")
    void openInLibreOffice(@TempDir Path dir) throws Exception {
        for (Template template : Template.values()) {
            for (FileFormat format : FileFormat.values()) {
                Files.write(dir.resolve(template.code() + "." + format.extension()),
                        Workbooks.template(template, format));
            }
        }
        Path toXls = Files.createDirectory(dir.resolve("as-xls"));
        Path toXlsx = Files.createDirectory(dir.resolve("as-xlsx"));
        convert(dir, "xls:MS Excel 97", toXls, ".xlsx");
        convert(dir, "xlsx", toXlsx, ".xls");

        for (Template template : Template.values()) {
            for (var converted : List.of(toXls.resolve(template.code() + ".xls"),
                    toXlsx.resolve(template.code() + ".xlsx"))) {
                assertThat(converted).exists();
                byte[] bytes = Files.readAllBytes(converted);
                FileFormat format = FileFormat.of(bytes).orElseThrow();
                TemplateFile.check(converted, format, template);
                try (Workbook book = open(bytes, format)) {
                    assertThat(book.getSheetAt(0).getDataValidations()).isNotEmpty();
                }
            }
        }
    }

    @Test
    @DisplayName("R-IMP-2 a failure workbook of 5,000 rows writes their strings inline, not through POI's shared strings table (30 s of a loaded machine for 5,000 rows), and reads back as the template with every row and its 失败原因")
    void failureWorkbookInline(@TempDir Path dir) throws Exception {
        List<List<String>> failed = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            failed.add(List.of("某公司一支部", "团员", "失败" + i, "%018d".formatted(110101200003030000L + i), "汉族",
                    "共青团员", "大学本科", "2015-05-04", "", "13800000000", "", "", "第" + (i + 3) + "行:身份证号校验位不正确"));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        TemplateWriter.failures(Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, failed, out);
        Path file = Files.write(dir.resolve("failures.xlsx"), out.toByteArray());

        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            var strings = zip.getEntry("xl/sharedStrings.xml");
            String shared = strings == null ? "" : new String(zip.getInputStream(strings).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(shared).doesNotContain("失败0");
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(sheet).contains("t=\"inlineStr\"").contains("失败4999");
        }
        List<List<String>> read = new java.util.ArrayList<>();
        TemplateFile.read(file, FileFormat.XLSX, Template.SUBORDINATE_MEMBERS, row -> read.add(row.cells()));
        assertThat(read).hasSize(5_000);
        assertThat(read.get(4_999)).isEqualTo(failed.get(4_999).subList(0, Template.SUBORDINATE_MEMBERS.columns().size()));
    }

    private static void convert(Path dir, String filter, Path out, String suffix) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", filter, "--outdir",
                out.toString()));
        try (var files = Files.list(dir)) {
            files.filter(file -> file.toString().endsWith(suffix)).forEach(file -> command.add(file.toString()));
        }
        Process soffice = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(3, TimeUnit.MINUTES)).as("LibreOffice finished").isTrue();
        assertThat(soffice.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
    }
}
