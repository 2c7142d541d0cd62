package cn.league.contracts.imports;

import java.time.Instant;
import java.util.UUID;

import cn.league.contracts.EventType;

/**
 * Facts import-service publishes on {@code league.import.events}; the Kafka key is the job's id. Published in the
 * transaction that ends the job, so a job never ends without its fact and never tells it twice.
 */
public final class ImportEvents {

    private ImportEvents() {
    }

    /** How a bulk-import job ended. */
    public enum ImportOutcome {
        /** Every row was read and sent: some stored, some failed (R-IMP-2). */
        DONE,
        /** The file was refused as a whole (wrong template, too many rows, unreadable, ...): nothing of it stored. */
        REFUSED,
        /** The uploader cancelled it; rows stored before stay stored. */
        CANCELLED,
        /** The job gave up after failing again and again (IMPORT_BROKEN); rows stored before stay stored. */
        FAILED
    }

    /**
     * A bulk-import job ended (R-IMP-2): the org it was uploaded for and by whom, the template's code
     * ({@code subordinate-members} or {@code own-cadres}) and file name; {@code rowsStored} rows are now in the system
     * as the file asks (imported by this job or already there), {@code rowsFailed} came back with a reason. For a
     * refused file or a failed job {@code problemCode} and {@code problemDetail} (Chinese, for people) say why; null
     * otherwise.
     */
    @EventType("ImportFinished.v1")
    public record ImportFinished(UUID jobId, long orgId, String uploadedBy, String template, String fileName,
                                 ImportOutcome outcome, int rowsStored, int rowsFailed, String problemCode,
                                 String problemDetail, Instant finishedAt) {

        /** R-IMP-2's sentence: "成功导入 N 位团员, M 位团员导入失败". */
        public String summary() {
            return "成功导入 " + rowsStored + " 位团员, " + rowsFailed + " 位团员导入失败";
        }
    }
}
