package cn.league.importing.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;

/**
 * An import job as its uploader and the admins above see it (R-IMP-2): progress, and once done the result sentence.
 * Rows already present exactly as the file asks (an earlier upload, or a batch replayed after a crash) count as
 * imported, and are also counted apart.
 */
public record ImportJob(UUID id, String uploader, long orgId, Template template, FileFormat format, String fileName,
                        Status status, Integer rowsTotal, int rowsRead, int rowsChecked, int rowsImported,
                        int rowsAlready, int rowsFailed, int resumeAfterRow, String problemCode,
                        String problemDetail, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** Rows now stored as the file asks: imported by this job or already there. */
    public int rowsStored() {
        return rowsImported + rowsAlready;
    }

    /** R-IMP-2's sentence. */
    public String summary() {
        return "成功导入 " + rowsStored() + " 位团员, " + rowsFailed + " 位团员导入失败";
    }

    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return rowsTotal == null || rowsTotal == 0 ? 0 : (int) Math.min(99, 100L * rowsChecked / rowsTotal);
    }

    /** Rows checked per second since the job started. */
    public double rowsPerSecond(Instant now) {
        if (startedAt == null || rowsChecked == 0) {
            return 0;
        }
        Instant end = finishedAt == null ? now : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return rowsChecked / seconds;
    }

    /** Seconds left at the rate so far, or null when unknown. */
    public Long secondsLeft(Instant now) {
        double rate = rowsPerSecond(now);
        if (status.finished()) {
            return 0L;
        }
        if (rowsTotal == null || rate <= 0) {
            return null;
        }
        return Math.round((rowsTotal - rowsChecked) / rate);
    }
}
