package cn.league.identity.worker;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.identity.status.Outcome;
import cn.league.identity.status.VerificationStatus;

/**
 * The queue's SQL. A batch claims due people under a lease (for update skip locked: replicas never claim the same
 * person); a verdict is written only where the claim still holds and the details are the ones sent, so a batch sent
 * twice — after a crash, or by a replica whose lease ran out — changes each person once.
 */
@Repository
class BatchStore {

    /** A claimed person, with what they were before the check. */
    record Claimed(String idNumber, String name, int detailsVersion, VerificationStatus status, String reason,
                   int failedChecks) {
    }

    /** A verdict to write. */
    record Verdict(Claimed person, Outcome outcome, Instant nextCheck) {
    }

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextBatchId() {
        return jdbc.sql("select nextval('check_batch_id_seq')").query(Long.class).single();
    }

    /** Claims up to {@code size} due people for the batch; records the batch when it holds anyone. */
    List<Claimed> claim(long batchId, String worker, int size, Duration lease) {
        List<Claimed> claimed = jdbc.sql("""
                        with due as (
                            select id_number from person
                             where due_at <= now() and (claim_until is null or claim_until < now())
                             order by due_at
                             limit ?
                               for update skip locked)
                        update person p set claim_id = ?, claim_until = now() + cast(? as interval)
                          from due where p.id_number = due.id_number
                        returning p.id_number, p.name, p.details_version, p.status, p.reason, p.failed_checks""")
                .params(size, batchId, lease.toMillis() + " milliseconds")
                .query((row, n) -> new Claimed(row.getString(1), row.getString(2), row.getInt(3),
                        VerificationStatus.valueOf(row.getString(4)), row.getString(5), row.getInt(6)))
                .list();
        if (!claimed.isEmpty()) {
            jdbc.sql("insert into check_batch (id, worker, size) values (?, ?, ?)")
                    .params(batchId, worker, claimed.size()).update();
        }
        return claimed;
    }

    /**
     * Writes the verdicts the claim still holds, each with its history row.
     *
     * @return the verdicts written (the others lost their claim: an edit, or a lease run out)
     */
    List<Verdict> apply(long batchId, List<Verdict> verdicts, Instant checkedAt) {
        List<Verdict> written = new ArrayList<>(verdicts.size());
        Timestamp at = Timestamp.from(checkedAt);
        for (Verdict verdict : verdicts) {
            Outcome outcome = verdict.outcome();
            int updated = jdbc.sql("""
                            update person set status = ?, reason = ?, checked_at = ?,
                                   failed_checks = case when ? then 0 else failed_checks + 1 end,
                                   due_at = ?, claim_id = null, claim_until = null
                             where id_number = ? and claim_id = ? and details_version = ?""")
                    .params(outcome.status().name(), outcome.reason(), at, outcome.passed(),
                            verdict.nextCheck() == null ? null : Timestamp.from(verdict.nextCheck()),
                            verdict.person().idNumber(), batchId, verdict.person().detailsVersion())
                    .update();
            if (updated == 1) {
                jdbc.sql("""
                                insert into check_result (id_number, name, status, reason, batch_id, checked_at)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(verdict.person().idNumber(), verdict.person().name(), outcome.status().name(),
                                outcome.reason(), batchId, at)
                        .update();
                written.add(verdict);
            }
        }
        long passed = written.stream().filter(v -> v.outcome().passed()).count();
        jdbc.sql("""
                        update check_batch set outcome = 'ANSWERED', finished_at = now(), passed = ?, failed = ?
                         where id = ?""")
                .params(passed, written.size() - passed, batchId).update();
        return written;
    }

    /** The batch was not answered: its people go back to the queue as they were, due as before. */
    void release(long batchId, String error) {
        jdbc.sql("update person set claim_id = null, claim_until = null where claim_id = ?").param(batchId).update();
        jdbc.sql("update check_batch set outcome = 'FAILED', finished_at = now(), error = ? where id = ?")
                .params(error, batchId).update();
    }

    /** Where each person is (their branch first, else a post's org) and that org's path, for the events. */
    record Place(long orgId, String path) {
    }

    Map<String, Place> placesOf(List<String> idNumbers) {
        Map<String, Place> places = new HashMap<>();
        jdbc.sql("""
                        select distinct on (po.id_number) po.id_number, po.org_id, o.path
                          from person_org po left join org_replica.org o on o.id = po.org_id
                         where po.id_number = any (cast(? as text[]))
                         order by po.id_number, po.via, po.org_id""")
                .param(idNumbers.toArray(String[]::new))
                .query((row, n) -> places.put(row.getString(1), new Place(row.getLong(2), row.getString(3))))
                .list();
        return places;
    }
}
