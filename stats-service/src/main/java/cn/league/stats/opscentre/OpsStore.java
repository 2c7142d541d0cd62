package cn.league.stats.opscentre;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operation centre's tables: pending items and messages. */
@Repository
class OpsStore {

    private final JdbcClient jdbc;

    OpsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An item, also its routing on both sides of a transfer or migration. Keyed by {@code refId} (a registration,
     * transfer or migration; {@code refKey} is "") or by {@code refKey} (an import job, a person; {@code refId} is 0).
     * {@code listedUntil}: shown until then only, or null.
     */
    record Item(PendingKind kind, long refId, String refKey, long orgId, Long parentOrgId, Long fromOrgId,
                Long toOrgId, String subject, String detail, Instant waitingSince, Instant dueAt,
                Instant listedUntil) {

        Item(PendingKind kind, long refId, long orgId, Long parentOrgId, Long fromOrgId, Long toOrgId,
             String subject, String detail, Instant waitingSince, Instant dueAt) {
            this(kind, refId, "", orgId, parentOrgId, fromOrgId, toOrgId, subject, detail, waitingSince, dueAt, null);
        }

        /** An item keyed by text, waiting at one org. */
        static Item keyed(PendingKind kind, String refKey, long orgId, String subject, String detail,
                          Instant waitingSince, Instant listedUntil) {
            return new Item(kind, 0, refKey, orgId, null, null, null, subject, detail, waitingSince, null,
                    listedUntil);
        }
    }

    void put(Item item) {
        jdbc.sql("""
                        insert into pending_item (kind, ref_id, ref_key, org_id, parent_org_id, from_org_id, to_org_id,
                                                  subject, detail, waiting_since, due_at, listed_until)
                        values (:kind, :ref, :key, :org, :parent, :from, :to, :subject, :detail, :since, :due, :until)
                        on conflict (kind, ref_id, ref_key) do update set org_id = excluded.org_id,
                            parent_org_id = excluded.parent_org_id, subject = excluded.subject,
                            detail = excluded.detail, waiting_since = excluded.waiting_since,
                            due_at = excluded.due_at, listed_until = excluded.listed_until""")
                .param("kind", item.kind().name()).param("ref", item.refId()).param("key", item.refKey())
                .param("org", item.orgId())
                .param("parent", item.parentOrgId(), Types.BIGINT).param("from", item.fromOrgId(), Types.BIGINT)
                .param("to", item.toOrgId(), Types.BIGINT).param("subject", item.subject())
                .param("detail", item.detail(), Types.VARCHAR).param("since", Timestamp.from(item.waitingSince()))
                .param("due", timestamp(item.dueAt()), Types.TIMESTAMP)
                .param("until", timestamp(item.listedUntil()), Types.TIMESTAMP)
                .update();
    }

    Optional<Item> find(PendingKind kind, long refId) {
        return jdbc.sql("select * from pending_item where kind = ? and ref_id = ? and ref_key = ''")
                .params(kind.name(), refId).query((row, n) -> item(row)).optional();
    }

    void remove(PendingKind kind, long refId) {
        jdbc.sql("delete from pending_item where kind = ? and ref_id = ? and ref_key = ''").params(kind.name(), refId)
                .update();
    }

    void remove(PendingKind kind, String refKey) {
        jdbc.sql("delete from pending_item where kind = ? and ref_id = 0 and ref_key = ?").params(kind.name(), refKey)
                .update();
    }

    /** The org where the projection has the person: their branch, else the org of a post. */
    Optional<Long> orgOfPerson(String idNumber) {
        return jdbc.sql("select coalesce(branch_id, post_org_ids[1]) from person_fact where id_number = ?")
                .param(idNumber).query(Long.class).optional().filter(java.util.Objects::nonNull);
    }

    /** Items whose listing ended before {@code now}: no longer shown, so no longer kept. */
    int pruneListed(Instant now) {
        return jdbc.sql("delete from pending_item where listed_until < ?").param(Timestamp.from(now)).update();
    }

    void message(long orgId, MessageKind kind, String text, Instant occurredAt) {
        jdbc.sql("insert into ops_message (org_id, kind, text, occurred_at) values (?, ?, ?, ?)")
                .params(orgId, kind.name(), text, Timestamp.from(occurredAt)).update();
    }

    /** Per kind: how many wait and how many of them are overdue. */
    Map<PendingKind, long[]> counts(long orgId, Instant now) {
        Map<PendingKind, long[]> counts = new java.util.EnumMap<>(PendingKind.class);
        for (PendingKind kind : PendingKind.values()) {
            counts.put(kind, new long[2]);
        }
        jdbc.sql("""
                        select kind, count(*), count(*) filter (where due_at <= :now) from pending_item
                         where (org_id = :org or parent_org_id = :org)
                           and (listed_until is null or listed_until > :now) group by kind""")
                .param("org", orgId).param("now", Timestamp.from(now))
                .query(row -> {
                    counts.put(PendingKind.valueOf(row.getString(1)), new long[] {row.getLong(2), row.getLong(3)});
                });
        return counts;
    }

    long countMessages(long orgId, Instant since) {
        return jdbc.sql("select count(*) from ops_message where org_id = ? and occurred_at >= ?")
                .params(orgId, Timestamp.from(since)).query(Long.class).single();
    }

    /** Overdue and nearest deadlines first, then the oldest. */
    List<Item> items(long orgId, PendingKind kind, Instant from, Instant to, Instant now, int offset, int limit) {
        return jdbc.sql("""
                        select * from pending_item
                         where (org_id = :org or parent_org_id = :org)
                           and (cast(:kind as text) is null or kind = :kind)
                           and waiting_since >= :from and waiting_since < :to
                           and (listed_until is null or listed_until > :now)
                         order by due_at nulls last, waiting_since, kind, ref_id, ref_key offset :offset limit :limit""")
                .param("org", orgId).param("kind", kind == null ? null : kind.name(), Types.VARCHAR)
                .param("now", Timestamp.from(now))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("offset", offset).param("limit", limit)
                .query((row, n) -> item(row)).list();
    }

    List<Message> messages(long orgId, MessageKind kind, Instant from, Instant to, int offset, int limit) {
        return jdbc.sql("""
                        select * from ops_message
                         where org_id = :org and (cast(:kind as text) is null or kind = :kind)
                           and occurred_at >= :from and occurred_at < :to
                         order by occurred_at desc, id desc offset :offset limit :limit""")
                .param("org", orgId).param("kind", kind == null ? null : kind.name(), Types.VARCHAR)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("offset", offset).param("limit", limit)
                .query((row, n) -> new Message(row.getLong("id"), row.getLong("org_id"),
                        MessageKind.valueOf(row.getString("kind")), row.getString("text"),
                        row.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private static Item item(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Item(PendingKind.valueOf(row.getString("kind")), row.getLong("ref_id"), row.getString("ref_key"),
                row.getLong("org_id"), row.getObject("parent_org_id", Long.class),
                row.getObject("from_org_id", Long.class), row.getObject("to_org_id", Long.class),
                row.getString("subject"), row.getString("detail"), row.getTimestamp("waiting_since").toInstant(),
                instant(row.getTimestamp("due_at")), instant(row.getTimestamp("listed_until")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
