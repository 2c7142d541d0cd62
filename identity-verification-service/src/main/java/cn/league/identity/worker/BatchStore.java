package cn.league.identity.worker;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.identity.status.Outcome;
import cn.league.identity.status.VerificationStatus;

/**
 * The queue's SQL. A claim takes several batches of due people at once under a lease (for update skip locked:
 * replicas never claim the same person), each person marked with the batch they are sent in; a verdict is written
 * only where that mark still holds and the details are the ones sent, so a batch sent twice — after a crash, or by a
 * replica whose lease ran out — changes each person once. One statement claims, one writes every verdict of a claim
 * with its history, its batches' records and the places its events need.
 */
@Repository
class BatchStore {

    /** A claimed person, with the batch they are sent in and what they were before the check. */
    record Claimed(long batchId, String idNumber, String name, int detailsVersion, VerificationStatus status,
                   String reason, int failedChecks) {
    }

    /** A verdict to write. */
    record Verdict(Claimed person, Outcome outcome, Instant nextCheck) {
    }

    /** Where a person is (their branch first, else a post's org) and that org's path, for the events. */
    record Place(long orgId, String path) {
    }

    /** A verdict that was written, and where its person is (null: nowhere known). */
    record Written(Verdict verdict, Place place) {
    }

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code batches} batches of {@code size} due people, the longest due first, and records each batch.
     *
     * @return the people claimed, batch by batch
     */
    List<Claimed> claim(String worker, int batches, int size, Duration lease) {
        return jdbc.sql("""
                        with due as (
                            select id_number, due_at from person
                             where due_at <= now() and (claim_until is null or claim_until < now())
                             order by due_at
                             limit ?
                               for update skip locked),
                        numbered as (
                            select id_number, (row_number() over (order by due_at, id_number) - 1) / ? as part
                              from due),
                        batch as (
                            select part, nextval('check_batch_id_seq') as id
                              from (select distinct part from numbered) parts),
                        claimed as (
                            update person p set claim_id = batch.id, claim_until = now() + cast(? as interval)
                              from numbered join batch using (part)
                             where p.id_number = numbered.id_number
                            returning batch.id as batch_id, p.id_number, p.name, p.details_version, p.status,
                                      p.reason, p.failed_checks),
                        recorded as (
                            insert into check_batch (id, worker, size)
                            select batch_id, ?, count(*) from claimed group by batch_id)
                        select * from claimed order by batch_id""")
                .params(batches * size, size, lease.toMillis() + " milliseconds", worker)
                .query((row, n) -> new Claimed(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                        VerificationStatus.valueOf(row.getString(5)), row.getString(6), row.getInt(7)))
                .list();
    }

    /**
     * Writes the verdicts whose claim still holds, each with its history row, records the answered batches, and
     * finds where each written person is — one statement.
     *
     * @param answered the batches the centre answered (a batch may have no verdict left to write)
     * @return the verdicts written (the others lost their claim: an edit, or a lease run out)
     */
    List<Written> apply(List<Long> answered, List<Verdict> verdicts, Instant checkedAt) {
        int n = verdicts.size();
        Long[] batches = new Long[n];
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        String[] next = new String[n];
        Integer[] versions = new Integer[n];
        Map<String, Verdict> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Verdict verdict = verdicts.get(i);
            batches[i] = verdict.person().batchId();
            ids[i] = verdict.person().idNumber();
            statuses[i] = verdict.outcome().status().name();
            reasons[i] = verdict.outcome().reason();
            next[i] = verdict.nextCheck() == null ? null : verdict.nextCheck().toString();
            versions[i] = verdict.person().detailsVersion();
            byId.put(ids[i], verdict);
        }
        Timestamp at = Timestamp.from(checkedAt);
        return jdbc.sql("""
                        with verdict as (
                            select * from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]),
                                                 cast(? as text[]), cast(? as timestamptz[]), cast(? as integer[]))
                                       as v (batch_id, id_number, status, reason, due_at, details_version)),
                        written as (
                            update person p set status = v.status, reason = v.reason, checked_at = ?,
                                   failed_checks = case when v.status = 'PASSED' then 0 else p.failed_checks + 1 end,
                                   due_at = v.due_at, claim_id = null, claim_until = null
                              from verdict v
                             where p.id_number = v.id_number and p.claim_id = v.batch_id
                               and p.details_version = v.details_version
                            returning v.batch_id, p.id_number, p.name, p.status, p.reason),
                        history as (
                            insert into check_result (id_number, name, status, reason, batch_id, checked_at)
                            select id_number, name, status, reason, batch_id, ? from written),
                        answered as (
                            update check_batch b set outcome = 'ANSWERED', finished_at = now(),
                                   passed = coalesce(w.passed, 0), failed = coalesce(w.failed, 0)
                              from unnest(cast(? as bigint[])) as a (id)
                              left join (select batch_id, count(*) filter (where status = 'PASSED') as passed,
                                                count(*) filter (where status <> 'PASSED') as failed
                                           from written group by batch_id) w on w.batch_id = a.id
                             where b.id = a.id)
                        select w.id_number, place.org_id, place.path
                          from written w
                          left join lateral (
                              select po.org_id, o.path
                                from person_org po left join org_replica.org o on o.id = po.org_id
                               where po.id_number = w.id_number
                               order by po.via, po.org_id
                               limit 1) place on true""")
                .params(batches, ids, statuses, reasons, next, versions, at, at, answered.toArray(Long[]::new))
                .query((row, i) -> new Written(byId.get(row.getString(1)), row.getObject(2) == null ? null
                        : new Place(row.getLong(2), row.getString(3))))
                .list();
    }

    /** The batches were not answered: their people go back to the queue as they were, due as before. */
    void release(List<Long> batchIds, String error) {
        Long[] ids = batchIds.toArray(Long[]::new);
        jdbc.sql("update person set claim_id = null, claim_until = null where claim_id = any (cast(? as bigint[]))")
                .param(ids).update();
        jdbc.sql("""
                        update check_batch set outcome = 'FAILED', finished_at = now(), error = ?
                         where id = any (cast(? as bigint[]))""")
                .params(error, ids).update();
    }
}
