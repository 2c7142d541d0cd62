package cn.league.importing.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 10, the parsing side: a generated 200,000-row .xlsx (5 % invalid rows of several kinds) and a
 * 65,000-row .xls read the way import-service reads them (streaming, both passes: rows and parsed fields) beside the
 * way many admin systems load them (POI's whole-workbook XSSFWorkbook / HSSFWorkbook, every cell formatted), in the
 * same run: time, rows per second and peak heap of each, and the ratios; rows per second and peak heap recorded as
 * {@link BenchFigure}s with the whole-workbook load as the peer. {@code -Dbenchmark.xlsx-rows} and
 * {@code -Dbenchmark.xls-rows} change the sizes. Run alone with
 * {@code ./mvnw -B -pl import-service -am -Pbenchmark verify -Dtest=ImportParseBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ImportParseBenchmark {

    private static final int XLSX_ROWS = Integer.getInteger("benchmark.xlsx-rows", 200_000);
    private static final int XLS_ROWS = Integer.getInteger("benchmark.xls-rows", 65_000);

    @Test
    void xlsx200000Rows() throws Exception {
        compare(file(XLSX_ROWS, FileFormat.XLSX), FileFormat.XLSX, XLSX_ROWS);
    }

    @Test
    void xls65000Rows() throws Exception {
        compare(file(XLS_ROWS, FileFormat.XLS), FileFormat.XLS, XLS_ROWS);
    }

    private static void compare(Path file, FileFormat format, int rows) throws Exception {
        System.out.printf("%s: %,d rows, %,d bytes%n", format, rows, Files.size(file));
        // warm up once, then measure
        streaming(file, format);
        Figures ours = measure(() -> streaming(file, format));
        assertThat(ours.rows()).isEqualTo(rows);
        System.out.printf("  import-service (streaming, two passes): %,d ms, %,.0f rows/s, peak heap %,d MB%n",
                ours.millis(), rows * 1000.0 / ours.millis(), ours.peakHeapMb());
        String name = "import.parse." + format.extension();
        BenchFigure rate = BenchFigure.of(name, rows * 1000.0 / ours.millis(), "rows/s").higherIsBetter()
                .cpu(ours.cpuSeconds() * 1e6 / rows, "µs/row");
        BenchFigure heap = BenchFigure.of(name + ".peak_heap", ours.peakHeapMb(), "MB").lowerIsBetter();
        Figures theirs;
        try {
            theirs = measure(() -> wholeWorkbook(file, format));
        } catch (OutOfMemoryError exhausted) {
            // the peer approach's usual end on a large file: report it rather than a figure
            System.out.printf("  POI whole workbook: out of heap at -Xmx%,d MB%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            rate.record();
            heap.record();
            return;
        }
        rate.peer("POI whole workbook", rows * 1000.0 / theirs.millis()).record();
        heap.peer("POI whole workbook", theirs.peakHeapMb()).record();
        System.out.printf("  POI whole workbook (%s): %,d ms, %,.0f rows/s, peak heap %,d MB%n",
                format == FileFormat.XLSX ? "XSSFWorkbook" : "HSSFWorkbook", theirs.millis(),
                rows * 1000.0 / theirs.millis(), theirs.peakHeapMb());
        System.out.printf("  ratio: %.2fx the speed, %.2fx the peak heap of the whole-workbook load%n",
                (double) theirs.millis() / ours.millis(), (double) ours.peakHeapMb() / theirs.peakHeapMb());
    }

    private static int streaming(Path file, FileFormat format) {
        int[] count = {0};
        for (int pass = 0; pass < 2; pass++) {
            count[0] = 0;
            TemplateFile.read(file, format, Template.SUBORDINATE_MEMBERS, row -> {
                ParsedRow.of(Template.SUBORDINATE_MEMBERS, row);
                count[0]++;
                return true;
            });
        }
        return count[0];
    }

    private static int wholeWorkbook(Path file, FileFormat format) {
        try (InputStream in = Files.newInputStream(file);
             Workbook book = format == FileFormat.XLSX ? new XSSFWorkbook(file.toFile()) : new HSSFWorkbook(in)) {
            DataFormatter formatter = new DataFormatter();
            Sheet sheet = book.getSheetAt(0);
            int count = 0;
            for (Row row : sheet) {
                if (row.getRowNum() < 2) {
                    continue;
                }
                StringBuilder cells = new StringBuilder();
                for (Cell cell : row) {
                    cells.append(formatter.formatCellValue(cell));
                }
                count += cells.isEmpty() ? 0 : 1;
            }
            return count;
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private record Figures(int rows, long millis, long peakHeapMb, double cpuSeconds) {
    }

    private static Figures measure(Supplier<Integer> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        CpuTime.Span cpu = CpuTime.jvmSpan();
        long start = System.nanoTime();
        int rows = work.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Figures(rows, Math.max(1, millis), peak / (1024 * 1024), cpu.jvm());
    }

    /** The subordinate template with {@code rows} rows; every 20th invalid, cycling through kinds of fault. */
    private static Path file(int rows, FileFormat format) throws IOException {
        byte[] template = Workbooks.template(Template.SUBORDINATE_MEMBERS, format);
        Path file = Files.createTempFile("benchmark-", "." + format.extension());
        file.toFile().deleteOnExit();
        try (Workbook opened = format == FileFormat.XLSX
                ? new XSSFWorkbook(new java.io.ByteArrayInputStream(template))
                : new HSSFWorkbook(new java.io.ByteArrayInputStream(template));
             Workbook book = format == FileFormat.XLSX ? new SXSSFWorkbook((XSSFWorkbook) opened, 1000) : opened) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < rows; i++) {
                List<String> values = Arrays.asList("某公司一支部", "团员", "姓名" + i,
                        "%018d".formatted(110101200001010000L + i), "汉族", "共青团员", "大学本科", "2015-05-04",
                        "", "13800000000", "", "");
                if (i % 20 == 0) {
                    switch ((i / 20) % 5) {
                        case 0 -> values.set(3, "11010120000101000");     // too short
                        case 1 -> values.set(7, "去年");                  // no date
                        case 2 -> values.set(0, "没有这个支部");           // unknown branch
                        case 3 -> values.set(1, "群众");                  // no such kind
                        default -> values.set(3, "%018d".formatted(110101200001010000L + i - 1)); // duplicate
                    }
                }
                Row row = sheet.createRow(i + 2);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
            Files.write(file, out.toByteArray());
        }
        return file;
    }
}
