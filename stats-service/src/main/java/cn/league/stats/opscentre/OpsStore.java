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

    /** An item, also its routing on both sides of a transfer or migration. */
    record Item(PendingKind kind, long refId, long orgId, Long parentOrgId, Long fromOrgId, Long toOrgId,
                String subject, String detail, Instant waitingSince, Instant dueAt) {
    }

    void put(Item item) {
        jdbc.sql("""
                        insert into pending_item (kind, ref_id, org_id, parent_org_id, from_org_id, to_org_id, subject,
                                                  detail, waiting_since, due_at)
                        values (:kind, :ref, :org, :parent, :from, :to, :subject, :detail, :since, :due)
                        on conflict (kind, ref_id) do update set org_id = excluded.org_id,
                            parent_org_id = excluded.parent_org_id, waiting_since = excluded.waiting_since,
                            due_at = excluded.due_at""")
                .param("kind", item.kind().name()).param("ref", item.refId()).param("org", item.orgId())
                .param("parent", item.parentOrgId(), Types.BIGINT).param("from", item.fromOrgId(), Types.BIGINT)
                .param("to", item.toOrgId(), Types.BIGINT).param("subject", item.subject())
                .param("detail", item.detail(), Types.VARCHAR).param("since", Timestamp.from(item.waitingSince()))
                .param("due", item.dueAt() == null ? null : Timestamp.from(item.dueAt()), Types.TIMESTAMP)
                .update();
    }

    Optional<Item> find(PendingKind kind, long refId) {
        return jdbc.sql("select * from pending_item where kind = ? and ref_id = ?").params(kind.name(), refId)
                .query((row, n) -> item(row)).optional();
    }

    void remove(PendingKind kind, long refId) {
        jdbc.sql("delete from pending_item where kind = ? and ref_id = ?").params(kind.name(), refId).update();
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
                         where org_id = :org or parent_org_id = :org group by kind""")
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
    List<Item> items(long orgId, PendingKind kind, Instant from, Instant to, int offset, int limit) {
        return jdbc.sql("""
                        select * from pending_item
                         where (org_id = :org or parent_org_id = :org)
                           and (cast(:kind as text) is null or kind = :kind)
                           and waiting_since >= :from and waiting_since < :to
                         order by due_at nulls last, waiting_since, kind, ref_id offset :offset limit :limit""")
                .param("org", orgId).param("kind", kind == null ? null : kind.name(), Types.VARCHAR)
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
        Timestamp due = row.getTimestamp("due_at");
        return new Item(PendingKind.valueOf(row.getString("kind")), row.getLong("ref_id"), row.getLong("org_id"),
                row.getObject("parent_org_id", Long.class), row.getObject("from_org_id", Long.class),
                row.getObject("to_org_id", Long.class), row.getString("subject"), row.getString("detail"),
                row.getTimestamp("waiting_since").toInstant(), due == null ? null : due.toInstant());
    }
}
