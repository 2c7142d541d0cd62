package cn.league.importing.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Excel readers under any upload (issue 16 item 9, Jazzer): whatever the bytes, as {@code .xls} (HSSF record
 * events) and as {@code .xlsx} (SAX), reading a template file either hands on rows or refuses the file with the
 * import's problem (R-IMP-1), never another exception, an out-of-memory (the fuzz JVM's heap is bounded) or a hang.
 * The inputs start from real templates (ExcelReadersFuzzTestInputs), so the fuzzer begins inside the formats. Fuzzed
 * for a bounded time by the test command, longer with {@code -Pfuzz} (README: tests).
 */
class ExcelReadersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyUploadIsReadOrRefused(FuzzedDataProvider data) throws IOException {
        FileFormat format = data.consumeBoolean() ? FileFormat.XLSX : FileFormat.XLS;
        Template template = data.consumeBoolean() ? Template.SUBORDINATE_MEMBERS : Template.OWN_CADRES;
        Path file = Files.createTempFile("fuzz-upload", "." + format.name().toLowerCase());
        try {
            Files.write(file, data.consumeRemainingAsBytes());
            int[] rows = {0};
            TemplateFile.read(file, format, template, row -> {
                assertThat(row.cells()).hasSize(template.columns().size());
                return ++rows[0] < 10_000;
            });
        } catch (ProblemException refused) {
            assertThat(refused.getMessage()).isNotNull();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
