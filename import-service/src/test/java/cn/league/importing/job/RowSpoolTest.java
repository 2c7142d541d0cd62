package cn.league.importing.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.league.importing.parse.TemplateFile.DataRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowSpoolTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("rows come back as spooled, in order: numbers, Chinese text, empty and missing cells, a cell longer than 64 KB")
    void rowsComeBackAsSpooled() throws Exception {
        String long3Bytes = "团".repeat(30_000); // 90,000 bytes of UTF-8
        List<DataRow> rows = List.of(
                new DataRow(3, Arrays.asList("某公司一支部", "团员", "张三", "11010120000303001x", "", null)),
                new DataRow(7, Arrays.asList("", "", "", "", "", "")),
                new DataRow(8, Arrays.asList(long3Bytes, "😀 emoji", " 空格 ", "=A1", "2015/5/4", "13800000000")));
        List<DataRow> back = new ArrayList<>();
        try (RowSpool spool = new RowSpool(directory)) {
            rows.forEach(spool::add);
            assertThat(spool.size()).isEqualTo(3);
            spool.rows(back::add);
        }
        assertThat(back).isEqualTo(rows);
    }

    @Test
    @DisplayName("200,000 rows are spooled and read back, twice over, and the spool file is gone once closed")
    void manyRowsAndDeleted() throws Exception {
        int count = 200_000;
        int[] seen = {0};
        int[] lastNumber = {0};
        try (RowSpool spool = new RowSpool(directory)) {
            for (int i = 0; i < count; i++) {
                spool.add(new DataRow(i + 3, List.of("团支部" + (i % 50), "团员", "姓名" + i, "%018d".formatted(i))));
            }
            assertThat(Files.list(directory)).hasSize(1);
            for (int pass = 0; pass < 2; pass++) {
                spool.rows(row -> {
                    assertThat(row.rowNumber()).isEqualTo(lastNumber[0] == 0 ? 3 : lastNumber[0] + 1);
                    lastNumber[0] = row.rowNumber();
                    seen[0]++;
                });
                lastNumber[0] = 0;
            }
        }
        assertThat(seen[0]).isEqualTo(2 * count);
        assertThat(Files.list(directory)).isEmpty();
    }

    @Test
    @DisplayName("a spool cut short (disk trouble) is an IOException, not rows made up")
    void cutShort() throws Exception {
        try (RowSpool spool = new RowSpool(directory)) {
            spool.add(new DataRow(3, List.of("张三", "110101200003030011")));
            spool.add(new DataRow(4, List.of("李四", "110101200003030029")));
            spool.rows(row -> { });
            Path file;
            try (var files = Files.list(directory)) {
                file = files.findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

            List<DataRow> back = new ArrayList<>();
            assertThatThrownBy(() -> spool.rows(back::add)).isInstanceOf(IOException.class)
                    .hasMessageContaining("ends before its 2 rows");
            assertThat(back).hasSize(1);
        }
    }
}
