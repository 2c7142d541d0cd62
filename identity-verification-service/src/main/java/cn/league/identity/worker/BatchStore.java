package cn.league.identity.worker;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Writes the verdicts the claim still holds, each with its history row, in two statements for the batch.
     *
     * @return the verdicts written (the others lost their claim: an edit, or a lease run out)
     */
    List<Verdict> apply(long batchId, List<Verdict> verdicts, Instant checkedAt) {
        int n = verdicts.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        String[] next = new String[n];
        Integer[] versions = new Integer[n];
        for (int i = 0; i < n; i++) {
            Verdict verdict = verdicts.get(i);
            ids[i] = verdict.person().idNumber();
            statuses[i] = verdict.outcome().status().name();
            reasons[i] = verdict.outcome().reason();
            next[i] = verdict.nextCheck() == null ? null : verdict.nextCheck().toString();
            versions[i] = verdict.person().detailsVersion();
        }
        Timestamp at = Timestamp.from(checkedAt);
        Set<String> written = new HashSet<>(jdbc.sql("""
                        with verdict as (
                            select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                                 cast(? as timestamptz[]), cast(? as integer[]))
                                       as v (id_number, status, reason, due_at, details_version)),
                        written as (
                            update person p set status = v.status, reason = v.reason, checked_at = ?,
                                   failed_checks = case when v.status = 'PASSED' then 0 else p.failed_checks + 1 end,
                                   due_at = v.due_at, claim_id = null, claim_until = null
                              from verdict v
                             where p.id_number = v.id_number and p.claim_id = ?
                               and p.details_version = v.details_version
                            returning p.id_number, p.name, p.status, p.reason)
                        insert into check_result (id_number, name, status, reason, batch_id, checked_at)
                        select id_number, name, status, reason, ?, ? from written
                        returning id_number""")
                .params(ids, statuses, reasons, next, versions, at, batchId, batchId, at)
                .query(String.class).list());
        List<Verdict> applied = verdicts.stream().filter(v -> written.contains(v.person().idNumber())).toList();
        long passed = applied.stream().filter(v -> v.outcome().passed()).count();
        jdbc.sql("""
                        update check_batch set outcome = 'ANSWERED', finished_at = now(), passed = ?, failed = ?
                         where id = ?""")
                .params(passed, applied.size() - passed, batchId).update();
        return applied;
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
