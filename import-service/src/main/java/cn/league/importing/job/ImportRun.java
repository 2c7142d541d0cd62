package cn.league.importing.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.importing.parse.ImportProblems;
import cn.league.importing.parse.ParsedRow;
import cn.league.importing.parse.ParsedRow.Fault;
import cn.league.importing.parse.TemplateFile;
import cn.league.importing.template.Template;
import cn.league.support.problem.ProblemException;

/**
 * Runs one claimed job. First pass: the whole file is read (streaming) and checked as a file — template, limits,
 * what POI's guards refuse — the in-file duplicates are collected and the rows spooled to local disk
 * ({@link RowSpool}); a file refused here is refused whole, nothing of it stored. Second pass, over the spooled rows
 * (the workbook is parsed once): rows after the last stored batch, in batches, to member-service, up to
 * {@code batchesInFlight} at once ({@link BatchesInOrder}); each batch's failures and counts and the row it ends at
 * are stored in one transaction, strictly in file order, so a job taken over after a crash resumes after the last
 * stored batch. A batch member-service stored whose counts were lost in the crash is sent again and comes
 * back ALREADY_IMPORTED: every row is stored exactly once.
 */
@Component
class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final JobStore store;
    private final JdbcClient jdbc;
    private final MemberBulk bulk;
    private final ImportLimits limits;
    private final TransactionTemplate transaction;

    ImportRun(JobStore store, JdbcClient jdbc, MemberBulk bulk, ImportLimits limits,
              PlatformTransactionManager transactions) {
        this.store = store;
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Thrown when the job stopped being this worker's: cancelled, or taken over after its lease ran out. */
    static final class NotOurs extends RuntimeException {
        NotOurs() {
            super("the job is no longer this worker's", null, false, false);
        }
    }

    /**
     * @param stillOurs false once the job was cancelled or its lease lost (the worker's heartbeat says so)
     */
    void run(ImportJob job, String worker, BooleanSupplier stillOurs) {
        Path file = null;
        try {
            file = Files.createTempFile("import-" + job.id(), "." + job.format().extension());
            Files.write(file, store.file(job.id()));
            try (RowSpool spool = new RowSpool(file.getParent())) {
                InFileDuplicates duplicates = firstPass(job, worker, file, spool, stillOurs);
                secondPass(job, worker, spool, duplicates, stillOurs);
            }
            store.finish(job.id(), worker);
            log.info("import {} done", job.id());
        } catch (ProblemException refused) {
            store.fail(job.id(), worker, refused.code(), refused.detail());
            log.info("import {} refused: {}", job.id(), refused.code());
        } catch (NotOurs gone) {
            log.info("import {} stopped: cancelled or taken over", job.id());
        } catch (IOException | InterruptedException | RuntimeException trouble) {
            if (trouble instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            paused(job, worker, trouble);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    log.debug("temp file {} left", file);
                }
            }
        }
    }

    /**
     * member-service or the database out of reach: the job pauses and resumes later, as often as it takes. Any other
     * failure counts (R-IMP-2): the job pauses longer each time, and gives up at the last.
     */
    private void paused(ImportJob job, String worker, Exception trouble) {
        try {
            if (RunFailures.outOfReach(trouble)) {
                log.warn("import {} paused, to be resumed: {}", job.id(), trouble.toString());
                store.release(job.id(), worker, limits.retryPause());
                return;
            }
            Optional<Integer> failures = store.runFailed(job.id(), worker);
            if (failures.isEmpty()) {
                return; // cancelled or taken over meanwhile
            }
            RunFailures.Next next = failures().after(failures.get());
            if (next.giveUp()) {
                log.error("import {} given up after {} failed runs", job.id(), failures.get(), trouble);
                int stored = store.find(job.id()).map(ImportJob::rowsStored).orElse(0);
                store.fail(job.id(), worker, RunFailures.CODE, RunFailures.detail(stored));
            } else {
                log.warn("import {} failed ({} time(s)), paused {}: {}", job.id(), failures.get(), next.pause(),
                        trouble.toString(), trouble);
                store.release(job.id(), worker, next.pause());
            }
        } catch (RuntimeException unrecorded) {
            // the database out of reach: the lease runs out and the job is claimed again
            log.warn("import {} could not be paused: {}", job.id(), unrecorded.toString());
        }
    }

    private RunFailures failures() {
        return new RunFailures(limits.brokenPause(), limits.brokenAfter());
    }

    private InFileDuplicates firstPass(ImportJob job, String worker, Path file, RowSpool spool,
                                       BooleanSupplier stillOurs) {
        InFileDuplicates duplicates = new InFileDuplicates();
        int[] rows = {0};
        TemplateFile.read(file, job.format(), job.template(), row -> {
            if (++rows[0] > limits.maxRows()) {
                throw ImportProblems.tooManyRows(limits.maxRows());
            }
            duplicates.add(ParsedRow.of(job.template(), row));
            spool.add(row);
            if (rows[0] % 10_000 == 0) {
                ours(stillOurs);
                store.read(job.id(), worker, rows[0]);
            }
            return true;
        });
        if (rows[0] == 0) {
            throw ImportProblems.noRows();
        }
        store.counted(job.id(), worker, rows[0]);
        return duplicates;
    }

    private void secondPass(ImportJob job, String worker, RowSpool spool, InFileDuplicates duplicates,
                            BooleanSupplier stillOurs) throws IOException, InterruptedException {
        Branches branches = new Branches(jdbc, job.orgId());
        try (BatchesInOrder<List<MemberBulk.Outcome>> batches = new BatchesInOrder<>(limits.batchesInFlight())) {
            try {
                List<List<ParsedRow>> batch = new ArrayList<>(List.of(new ArrayList<>(limits.batchSize())));
                spool.rows(row -> {
                    if (row.rowNumber() <= job.resumeAfterRow()) {
                        return;
                    }
                    batch.getFirst().add(ParsedRow.of(job.template(), row));
                    if (batch.getFirst().size() == limits.batchSize()) {
                        send(batches, job, worker, batch.getFirst(), duplicates, branches, stillOurs);
                        batch.set(0, new ArrayList<>(limits.batchSize()));
                    }
                });
                if (!batch.getFirst().isEmpty()) {
                    send(batches, job, worker, batch.getFirst(), duplicates, branches, stillOurs);
                }
                batches.finish();
            } catch (NotOurs gone) {
                batches.finish(); // the batches in flight are counted, then the job stops
                throw gone;
            }
        }
    }

    /**
     * Checks the batch's rows here (in-file duplicates, 所在团支部), sends the rest to member-service on a thread of
     * its own, and records the outcome once every batch sent before it was recorded.
     */
    private void send(BatchesInOrder<List<MemberBulk.Outcome>> batches, ImportJob job, String worker,
                      List<ParsedRow> batch, InFileDuplicates duplicates, Branches branches,
                      BooleanSupplier stillOurs) throws IOException, InterruptedException {
        ours(stillOurs);
        Checked checked = check(job, batch, duplicates, branches);
        batches.send(() -> checked.rows().isEmpty() ? List.of() : bulk.enter(job.uploader(), checked.rows()),
                outcomes -> record(job, worker, checked, outcomes));
    }

    private Checked check(ImportJob job, List<ParsedRow> batch, InFileDuplicates duplicates, Branches branches) {
        List<Failure> failures = new ArrayList<>();
        List<MemberBulk.Row> rows = new ArrayList<>(batch.size());
        List<ParsedRow> sent = new ArrayList<>(batch.size());
        for (ParsedRow row : batch) {
            List<Fault> faults = new ArrayList<>(row.faults());
            faults.addAll(duplicates.of(row));
            Long orgId = job.orgId();
            if (row.branch() != null && !row.branch().isEmpty()) {
                Branches.Found found = branches.find(row.branch());
                orgId = found.orgId();
                if (found.fault() != null) {
                    faults.add(new Fault(cn.league.importing.template.Column.BRANCH.header(), found.fault()));
                }
            }
            if (faults.isEmpty()) {
                rows.add(new MemberBulk.Row(row.rowNumber(), row.kind(), orgId, row.person()));
                sent.add(row);
            } else {
                failures.add(new Failure(row, faults));
            }
        }
        return new Checked(batch, rows, sent, failures);
    }

    /** A batch's outcome, its failures and counts and the row it ends at, in one transaction. */
    private void record(ImportJob job, String worker, Checked checked, List<MemberBulk.Outcome> outcomes) {
        Template template = job.template();
        List<Failure> failures = new ArrayList<>(checked.failures());
        int imported = 0;
        int already = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            MemberBulk.Outcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case "IMPORTED" -> imported++;
                case "ALREADY_IMPORTED" -> already++;
                default -> failures.add(new Failure(checked.sent().get(i), outcome.violations().stream()
                        .map(violation -> FailureReasons.fault(template, violation)).toList()));
            }
        }
        int lastRow = checked.batch().getLast().rowNumber();
        int storedImported = imported;
        int storedAlready = already;
        transaction.executeWithoutResult(status -> {
            store.failed(job.id(), failures.stream().map(failure -> new JobStore.FailedRow(
                    failure.row().rowNumber(), failure.row().cells(),
                    FailureReasons.of(failure.row().rowNumber(), failure.faults()))).toList());
            if (!store.batchDone(job.id(), worker, lastRow, checked.batch().size(), storedImported, storedAlready,
                    failures.size())) {
                throw new NotOurs();
            }
        });
    }

    private static void ours(BooleanSupplier stillOurs) {
        if (!stillOurs.getAsBoolean()) {
            throw new NotOurs();
        }
    }

    private record Failure(ParsedRow row, List<Fault> faults) {
    }

    /** A batch checked here: the rows for member-service, and those that failed already. */
    private record Checked(List<ParsedRow> batch, List<MemberBulk.Row> rows, List<ParsedRow> sent,
                           List<Failure> failures) {
    }
}
