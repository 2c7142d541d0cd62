package cn.league.stats.opscentre;

import java.time.Duration;

import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;

/**
 * R-IMP-2 and R-OPS-1: what the uploading org's admins are told when an import ends — the result sentence, or why
 * the file was refused or the job gave up — and whether it waits in their list: when rows failed (the failure
 * workbook is to be fixed and uploaded again), the file was refused or the job failed, for {@link #LISTED}.
 */
final class ImportResult {

    static final Duration LISTED = Duration.ofDays(30);

    private ImportResult() {
    }

    static String message(ImportFinished finished) {
        return switch (finished.outcome()) {
            case DONE -> "批量导入已完成(" + finished.fileName() + "):" + finished.summary();
            case REFUSED -> "批量导入未成功(" + finished.fileName() + "):" + refusal(finished);
            case CANCELLED -> "批量导入已取消(" + finished.fileName() + "):" + finished.summary();
            case FAILED -> "批量导入中断(" + finished.fileName() + "):" + refusal(finished);
        };
    }

    static boolean waits(ImportFinished finished) {
        return finished.outcome() == ImportOutcome.REFUSED || finished.outcome() == ImportOutcome.FAILED
                || finished.rowsFailed() > 0;
    }

    /** The item's detail: the sentence, or the refusal. */
    static String detail(ImportFinished finished) {
        return finished.outcome() == ImportOutcome.REFUSED || finished.outcome() == ImportOutcome.FAILED
                ? refusal(finished) : finished.summary();
    }

    private static String refusal(ImportFinished finished) {
        return finished.problemDetail() == null ? "文件未能导入" : finished.problemDetail();
    }
}
