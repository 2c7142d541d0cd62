package cn.league.identity.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What admins read and ask of the checks: by person, and by subtree (a path prefix of the org replica). */
@Repository
public class StatusStore {

    /** A person's status now. */
    public record PersonStatus(String idNumber, String name, VerificationStatus status, String label, String reason,
                               Instant checkedAt, Instant nextCheck, List<Long> orgIds) {
    }

    /** One verdict of the person's history. */
    public record Check(String name, VerificationStatus status, String reason, long batchId, Instant checkedAt) {
    }

    /** A FAILED person in a list. */
    public record FailedPerson(String idNumber, String name, String reason, Instant checkedAt, Instant nextCheck) {
    }

    /** One batch sent to the centre. */
    public record BatchRecord(long id, String worker, int size, Instant startedAt, Instant finishedAt, String outcome,
                              int passed, int failed, String error) {
    }

    private static final String IN_SUBTREE = """
            exists (select 1 from person_org po join org_replica.org o on o.id = po.org_id
                     where po.id_number = p.id_number and (o.path = :path or o.path like :path || '.%'))""";

    private final JdbcClient jdbc;

    StatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PersonStatus> person(String idNumber) {
        List<Long> orgIds = jdbc.sql("select org_id from person_org where id_number = ? order by via, org_id")
                .param(idNumber).query(Long.class).list();
        return jdbc.sql("select id_number, name, status, reason, checked_at, due_at from person where id_number = ?")
                .param(idNumber)
                .query((row, n) -> {
                    VerificationStatus status = VerificationStatus.valueOf(row.getString(3));
                    return new PersonStatus(row.getString(1), row.getString(2), status, status.label(),
                            row.getString(4), instant(row.getObject(5, OffsetDateTime.class)),
                            instant(row.getObject(6, OffsetDateTime.class)), orgIds);
                })
                .optional();
    }

    public List<Check> history(String idNumber, int limit) {
        return jdbc.sql("""
                        select name, status, reason, batch_id, checked_at from check_result
                         where id_number = ? order by checked_at desc, id desc limit ?""")
                .params(idNumber, limit)
                .query((row, n) -> new Check(row.getString(1), VerificationStatus.valueOf(row.getString(2)),
                        row.getString(3), row.getLong(4), instant(row.getObject(5, OffsetDateTime.class))))
                .list();
    }

    /** R-ID-1: people per status in the subtree at {@code path}; every status present, zero when none. */
    public Map<VerificationStatus, Long> counts(String path) {
        Map<VerificationStatus, Long> counts = new EnumMap<>(VerificationStatus.class);
        for (VerificationStatus status : VerificationStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select p.status, count(*) from person p where " + IN_SUBTREE + " group by p.status")
                .param("path", path)
                .query((row, n) -> counts.put(VerificationStatus.valueOf(row.getString(1)), row.getLong(2)))
                .list();
        return counts;
    }

    /** The FAILED people of the subtree, by ID number, a page at a time. */
    public List<FailedPerson> failed(String path, int page, int size) {
        return jdbc.sql("select p.id_number, p.name, p.reason, p.checked_at, p.due_at from person p "
                        + "where p.status = 'FAILED' and " + IN_SUBTREE + " order by p.id_number limit :size offset :skip")
                .param("path", path).param("size", size).param("skip", page * size)
                .query((row, n) -> new FailedPerson(row.getString(1), row.getString(2), row.getString(3),
                        instant(row.getObject(4, OffsetDateTime.class)), instant(row.getObject(5, OffsetDateTime.class))))
                .list();
    }

    /** R-ID-3: the FAILED people of the subtree are due for a check now. @return how many */
    public int recheckFailed(String path) {
        return jdbc.sql("update person p set due_at = now() where p.status = 'FAILED' and " + IN_SUBTREE)
                .param("path", path).update();
    }

    /** R-ID-3: the person is due for a check now, unless PASSED. @return whether they were queued */
    public boolean recheck(String idNumber) {
        return jdbc.sql("update person set due_at = now() where id_number = ? and status <> 'PASSED'")
                .param(idNumber).update() == 1;
    }

    public List<BatchRecord> batches(int page, int size) {
        return jdbc.sql("""
                        select id, worker, size, started_at, finished_at, outcome, passed, failed, error
                          from check_batch order by id desc limit ? offset ?""")
                .params(size, page * size)
                .query((row, n) -> new BatchRecord(row.getLong(1), row.getString(2), row.getInt(3),
                        instant(row.getObject(4, OffsetDateTime.class)), instant(row.getObject(5, OffsetDateTime.class)),
                        row.getString(6), row.getInt(7), row.getInt(8), row.getString(9)))
                .list();
    }

    /** People waiting for a check now (due), and FAILED people waiting for a re-check later. */
    public Map<String, Long> queue() {
        return jdbc.sql("""
                        select count(*) filter (where due_at <= now()), count(*) filter (where due_at > now())
                          from person where due_at is not null""")
                .query((row, n) -> Map.of("due", row.getLong(1), "waitingForRecheck", row.getLong(2))).single();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
