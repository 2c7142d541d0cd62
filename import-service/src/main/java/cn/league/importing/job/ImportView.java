package cn.league.importing.job;

import java.time.Instant;
import java.util.UUID;


/**
 * A job as the API shows it: progress for the progress bar, the result sentence (R-IMP-2) once done, the problem
 * (code and Chinese detail) when the file was refused as a whole or the job gave up (IMPORT_BROKEN), and where its
 * files are.
 */
record ImportView(UUID id, String template, String fileName, String format, long orgId, String status,
                  Integer rowsTotal, int rowsRead, int rowsChecked, int rowsStored, int rowsImported,
                  int rowsAlreadyImported, int rowsFailed, int percent, double rowsPerSecond, Long secondsLeft,
                  String summary, Problem problem, Instant createdAt, Instant finishedAt, String failuresUrl) {

    record Problem(String code, String rule, String detail) {
    }

    static ImportView of(ImportJob job) {
        Instant now = Instant.now();
        boolean done = job.status() == ImportJob.Status.DONE || job.status() == ImportJob.Status.CANCELLED;
        return new ImportView(job.id(), job.template().title(), job.fileName(), job.format().extension(),
                job.orgId(), job.status().name(), job.rowsTotal(), job.rowsRead(), job.rowsChecked(),
                job.rowsStored(), job.rowsImported(), job.rowsAlready(), job.rowsFailed(), job.percent(),
                Math.round(job.rowsPerSecond(now) * 10) / 10.0, job.secondsLeft(now),
                done ? job.summary() : null,
                job.problemCode() == null ? null : new Problem(job.problemCode(),
                        RunFailures.CODE.equals(job.problemCode()) ? RunFailures.RULE : "R-IMP-1",
                        job.problemDetail()),
                job.createdAt(), job.finishedAt(),
                job.rowsFailed() > 0 ? "/api/imports/" + job.id() + "/failures" : null);
    }
}
