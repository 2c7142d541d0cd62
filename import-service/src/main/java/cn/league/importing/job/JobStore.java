package cn.league.importing.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;
import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.support.outbox.Outbox;

/**
 * SQL of the jobs, their files and failed rows. A job that ends — done, its file refused, or cancelled — publishes
 * {@link ImportFinished} in the transaction that ends it (the operation centre tells the uploading org, R-OPS-1).
 */
@Repository
public class JobStore {

    private static final String COLUMNS = """
            id, uploader, org_id, template, format, file_name, status, rows_total, rows_read, rows_checked,
            rows_imported, rows_already, rows_failed, resume_after_row, problem_code, problem_detail, created_at,
            started_at, finished_at""";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    JobStore(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ImportJob create(String uploader, long orgId, Template template, FileFormat format, String fileName,
                            byte[] file) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into import_job (id, uploader, org_id, template, format, file_name, file, status)
                        values (?, ?, ?, ?, ?, ?, ?, 'QUEUED')""")
                .params(id, uploader, orgId, template.name(), format.name(), fileName, file).update();
        return find(id).orElseThrow();
    }

    public Optional<ImportJob> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = ?").param(id).query(JobStore::job)
                .optional();
    }

    public List<ImportJob> uploadedBy(String uploader, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from import_job where uploader = ? order by created_at desc, id"
                        + " limit ? offset ?")
                .params(uploader, size, (long) page * size).query(JobStore::job).list();
    }

    public long countUploadedBy(String uploader) {
        return jdbc.sql("select count(*) from import_job where uploader = ?").param(uploader).query(Long.class)
                .single();
    }

    public byte[] file(UUID id) {
        return jdbc.sql("select file from import_job where id = ?").param(id).query(byte[].class).single();
    }

    /** The failed rows in file order: the cells, then the reason. */
    public void failures(UUID id, Consumer<List<String>> row) {
        jdbc.sql("select cells, reason from import_failure where job_id = ? order by row_number").param(id)
                .query(result -> {
                    String[] cells = (String[]) result.getArray(1).getArray();
                    List<String> values = new java.util.ArrayList<>(Arrays.asList(cells));
                    values.add(result.getString(2));
                    row.accept(values);
                });
    }

    /**
     * Takes the oldest job nobody holds — queued, or running under a lease that ran out (its replica died) — for
     * this worker, or none. SKIP LOCKED: replicas asking at once take different jobs.
     */
    Optional<ImportJob> claim(String worker, Duration lease) {
        return jdbc.sql("""
                        update import_job set status = 'RUNNING', lease_owner = ?,
                               lease_until = now() + cast(? as interval), started_at = coalesce(started_at, now())
                         where id = (select id from import_job
                                      where status in ('QUEUED', 'RUNNING')
                                        and (lease_until is null or lease_until < now())
                                      order by created_at
                                      limit 1 for update skip locked)
                        returning\s""" + COLUMNS)
                .params(worker, lease.toMillis() + " milliseconds").query(JobStore::job).optional();
    }

    /** Extends the lease; false when the job is no longer this worker's (taken over) or was cancelled. */
    boolean renew(UUID id, String worker, Duration lease) {
        return jdbc.sql("""
                        update import_job set lease_until = now() + cast(? as interval)
                         where id = ? and lease_owner = ? and status = 'RUNNING'""")
                .params(lease.toMillis() + " milliseconds", id, worker).update() == 1;
    }

    void counted(UUID id, String worker, int rowsTotal) {
        jdbc.sql("update import_job set rows_total = ?, rows_read = ? where id = ? and lease_owner = ?")
                .params(rowsTotal, rowsTotal, id, worker).update();
    }

    void read(UUID id, String worker, int rowsRead) {
        jdbc.sql("update import_job set rows_read = ? where id = ? and lease_owner = ?")
                .params(rowsRead, id, worker).update();
    }

    /** A failed row: its number, its cells in template order, why it failed. */
    record FailedRow(int rowNumber, List<String> cells, String reason) {
    }

    /** Rows per insert statement: 4 parameters each, well below PostgreSQL's 65,535 per statement. */
    private static final int FAILED_ROWS_PER_STATEMENT = 5_000;

    /** A batch's failed rows, in one statement (kept once: a batch replayed after a crash writes them again). */
    void failed(UUID id, List<FailedRow> rows) {
        for (int from = 0; from < rows.size(); from += FAILED_ROWS_PER_STATEMENT) {
            List<FailedRow> chunk = rows.subList(from, Math.min(rows.size(), from + FAILED_ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "insert into import_failure (job_id, row_number, cells, reason) values ");
            List<Object> params = new java.util.ArrayList<>(chunk.size() * 4);
            for (FailedRow row : chunk) {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
                params.add(id);
                params.add(row.rowNumber());
                params.add(row.cells().toArray(String[]::new));
                params.add(row.reason());
            }
            jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
        }
    }

    /** A batch's counts and the row it ends at; false when the job is no longer this worker's. */
    boolean batchDone(UUID id, String worker, int lastRow, int checked, int imported, int already, int failed) {
        return jdbc.sql("""
                        update import_job set rows_checked = rows_checked + ?, rows_imported = rows_imported + ?,
                               rows_already = rows_already + ?, rows_failed = rows_failed + ?, resume_after_row = ?,
                               run_failures = 0
                         where id = ? and lease_owner = ? and resume_after_row < ?""")
                .params(checked, imported, already, failed, lastRow, id, worker, lastRow).update() == 1;
    }

    void finish(UUID id, String worker) {
        ended(ImportOutcome.DONE, jdbc.sql("""
                        update import_job set status = 'DONE', finished_at = now(), lease_owner = null,
                               lease_until = null
                         where id = ? and lease_owner = ? and status = 'RUNNING'
                        returning\s""" + COLUMNS).params(id, worker));
    }

    /**
     * The job ends FAILED with the problem: the file refused as a whole (nothing of it was sent to member-service),
     * or the job given up after failing again and again (IMPORT_BROKEN: rows stored before stay).
     */
    void fail(UUID id, String worker, String code, String detail) {
        ended(RunFailures.CODE.equals(code) ? ImportOutcome.FAILED : ImportOutcome.REFUSED, jdbc.sql("""
                        update import_job set status = 'FAILED', problem_code = ?, problem_detail = ?,
                               finished_at = now(), lease_owner = null, lease_until = null
                         where id = ? and lease_owner = ? and status = 'RUNNING'
                        returning\s""" + COLUMNS).params(code, detail, id, worker));
    }

    /**
     * Counts a run that failed for an unexpected reason (R-IMP-2): the job's failures since its last stored batch,
     * this one included, or empty when the job is no longer this worker's.
     */
    Optional<Integer> runFailed(UUID id, String worker) {
        return jdbc.sql("""
                        update import_job set run_failures = run_failures + 1
                         where id = ? and lease_owner = ? and status = 'RUNNING'
                        returning run_failures""").params(id, worker).query(Integer.class).optional();
    }

    /** Lets the job go for a while (member-service unreachable, or a run that failed): any worker resumes it after {@code pause}. */
    void release(UUID id, String worker, Duration pause) {
        jdbc.sql("""
                        update import_job set lease_owner = null, lease_until = now() + cast(? as interval)
                         where id = ? and lease_owner = ? and status = 'RUNNING'""")
                .params(pause.toMillis() + " milliseconds", id, worker).update();
    }

    /**
     * Cancels a job not yet finished; false when it had finished. The worker keeps its lease to count the batch in
     * flight, then stops; rows stored before stay stored.
     */
    public boolean cancel(UUID id) {
        return ended(ImportOutcome.CANCELLED, jdbc.sql("""
                        update import_job set status = 'CANCELLED', finished_at = now()
                         where id = ? and status in ('QUEUED', 'RUNNING')
                        returning\s""" + COLUMNS).param(id));
    }

    /** Ends the job by {@code update} and publishes that it ended, in one transaction; false when nothing ended. */
    private boolean ended(ImportOutcome outcome, JdbcClient.StatementSpec update) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<ImportJob> ended = update.query(JobStore::job).optional();
            ended.ifPresent(job -> outbox.publish(Topics.IMPORT_EVENTS, new ImportFinished(job.id(), job.orgId(),
                    job.uploader(), job.template().code(), job.fileName(), outcome, job.rowsStored(),
                    job.rowsFailed(), job.problemCode(), job.problemDetail(), job.finishedAt()),
                    job.id().toString(), orgPath(job.orgId())));
            return ended.isPresent();
        }));
    }

    private String orgPath(long orgId) {
        return jdbc.sql("select path from org_replica.org where id = ?").param(orgId).query(String.class).optional()
                .orElse(null);
    }

    private static ImportJob job(ResultSet row, int rowNumber) throws SQLException {
        return new ImportJob(row.getObject("id", UUID.class), row.getString("uploader"), row.getLong("org_id"),
                Template.valueOf(row.getString("template")), FileFormat.valueOf(row.getString("format")),
                row.getString("file_name"), ImportJob.Status.valueOf(row.getString("status")),
                (Integer) row.getObject("rows_total"), row.getInt("rows_read"), row.getInt("rows_checked"),
                row.getInt("rows_imported"), row.getInt("rows_already"), row.getInt("rows_failed"),
                row.getInt("resume_after_row"), row.getString("problem_code"), row.getString("problem_detail"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
