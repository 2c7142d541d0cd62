package cn.league.stats.opscentre;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class ImportResultTest {

    private static ImportFinished finished(ImportOutcome outcome, int stored, int failed, String problem) {
        return new ImportFinished(UUID.randomUUID(), 12, "110105199001014329", "subordinate-members", "名单.xlsx",
                outcome, stored, failed, problem == null ? null : "NO_ROWS", problem, Instant.now());
    }

    @Test
    @DisplayName("R-IMP-2 R-OPS-1 the uploader is told the result sentence; the job waits in the list only when rows failed")
    void done() {
        ImportFinished someFailed = finished(ImportOutcome.DONE, 2, 5, null);
        assertThat(ImportResult.message(someFailed)).isEqualTo("批量导入已完成(名单.xlsx):成功导入 2 位团员, 5 位团员导入失败");
        assertThat(ImportResult.waits(someFailed)).isTrue();
        assertThat(ImportResult.detail(someFailed)).isEqualTo("成功导入 2 位团员, 5 位团员导入失败");
        assertThat(ImportResult.waits(finished(ImportOutcome.DONE, 7, 0, null))).isFalse();
    }

    @Test
    @DisplayName("R-IMP-2 R-OPS-1 a refused file is told with its reason and waits in the list; a cancelled one is told what was stored; a job that gave up waits too")
    void refusedAndCancelled() {
        ImportFinished refused = finished(ImportOutcome.REFUSED, 0, 0, "表格中没有要导入的数据");
        assertThat(ImportResult.message(refused)).isEqualTo("批量导入未成功(名单.xlsx):表格中没有要导入的数据");
        assertThat(ImportResult.waits(refused)).isTrue();
        assertThat(ImportResult.detail(refused)).isEqualTo("表格中没有要导入的数据");
        ImportFinished cancelled = finished(ImportOutcome.CANCELLED, 3, 0, null);
        assertThat(ImportResult.message(cancelled)).isEqualTo("批量导入已取消(名单.xlsx):成功导入 3 位团员, 0 位团员导入失败");
        assertThat(ImportResult.waits(cancelled)).isFalse();
        ImportFinished broken = finished(ImportOutcome.FAILED, 4000, 0, "导入多次中断,已停止");
        assertThat(ImportResult.message(broken)).isEqualTo("批量导入中断(名单.xlsx):导入多次中断,已停止");
        assertThat(ImportResult.waits(broken)).isTrue();
    }
}
