package cn.league.org.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.OrgEvents.MigrationApprover;
import cn.league.support.security.ActiveOrg;

/** SQL for migrations, their steps, and the one statement that moves a subtree. */
@Repository
class MigrationStore {

    private static final String COLUMNS = """
            m.id, m.org_id, m.old_parent_id, m.new_parent_id, m.reason, m.requested_by, m.requested_at, m.state,
            m.closed_at""";

    /** A migration with the names of the orgs it concerns, as the approvers read it. */
    private static final String SUMMARY = "select " + COLUMNS + """
            , o.full_name as org_name, op.full_name as old_parent_name, np.full_name as new_parent_name,
              requester.name as requester_name
            from org_migration m
            left join org o on o.id = m.org_id
            left join org op on op.id = m.old_parent_id
            left join org np on np.id = m.new_parent_id
            left join person_profile requester on requester.id_number = m.requested_by
            """;

    private static final RowMapper<Migration> MIGRATION = MigrationStore::migration;

    private final JdbcClient jdbc;

    MigrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Migration> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from org_migration m where m.id = ? for update").param(id)
                .query(MIGRATION).optional();
    }

    Optional<Migration> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from org_migration m where m.id = ?").param(id)
                .query(MIGRATION).optional();
    }

    boolean hasOpen(long orgId) {
        return jdbc.sql("""
                        select exists (select 1 from org_migration
                                       where org_id = ? and state in ('AWAITING_OLD_PARENT', 'AWAITING_NEW_PARENT'))""")
                .param(orgId).query(Boolean.class).single();
    }

    Migration insert(long orgId, long oldParentId, long newParentId, String reason, String requestedBy) {
        long id = jdbc.sql("""
                        insert into org_migration (org_id, old_parent_id, new_parent_id, reason, requested_by, state)
                        values (?, ?, ?, ?, ?, 'AWAITING_OLD_PARENT') returning id""")
                .params(orgId, oldParentId, newParentId, reason, requestedBy)
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    void changeState(long id, MigrationState state) {
        jdbc.sql("update org_migration set state = ?, closed_at = case when ? then now() end where id = ?")
                .params(state.name(), !state.isOpen(), id)
                .update();
    }

    void addStep(long migrationId, StepAction action, MigrationApprover actedAs, String idNumber, String reason) {
        jdbc.sql("""
                        insert into org_migration_step (migration_id, seq, action, acted_as, id_number, reason)
                        select ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? from org_migration_step where migration_id = ?""")
                .params(migrationId, action.name(), actedAs == null ? null : actedAs.name(), idNumber, reason,
                        migrationId)
                .update();
    }

    Optional<MigrationSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where m.id = ?").param(id).query(MigrationStore::summary).optional();
    }

    List<MigrationStep> steps(long migrationId) {
        return jdbc.sql("""
                        select s.seq, s.action, s.acted_as, s.id_number, p.name, s.reason, s.acted_at
                        from org_migration_step s left join person_profile p on p.id_number = s.id_number
                        where s.migration_id = ? order by s.seq""")
                .param(migrationId)
                .query((row, n) -> new MigrationStep(row.getInt("seq"), StepAction.valueOf(row.getString("action")),
                        approverOrNull(row.getString("acted_as")), row.getString("id_number"), row.getString("name"),
                        row.getString("reason"), instant(row.getTimestamp("acted_at"))))
                .list();
    }

    /**
     * Open migrations whose current step is decided by an org the person administers (R-OPS-1), in id order.
     * A migration whose org was deleted meanwhile waits for nobody.
     */
    List<MigrationSummary> awaitingDecisionOf(String idNumber, long afterId, int limit) {
        return jdbc.sql(SUMMARY + """
                         where m.id > :after and o.id is not null and (
                            (m.state = 'AWAITING_OLD_PARENT' and m.old_parent_id in
                                (select org_id from org_admin where id_number = :person
                                  and (:active = 0 or org_id = :active)))
                         or (m.state = 'AWAITING_NEW_PARENT' and m.new_parent_id in
                                (select org_id from org_admin where id_number = :person
                                  and (:active = 0 or org_id = :active))))
                         order by m.id limit :limit""")
                .param("after", afterId)
                .param("person", idNumber)
                .param("active", ActiveOrg.current().orElse(0L))
                .param("limit", limit)
                .query(MigrationStore::summary)
                .list();
    }

    /** An org's migrations below {@code beforeId}, newest first. */
    List<MigrationSummary> ofOrg(long orgId, long beforeId, int limit) {
        return jdbc.sql(SUMMARY + " where m.org_id = ? and m.id < ? order by m.id desc limit ?")
                .params(orgId, beforeId, limit)
                .query(MigrationStore::summary)
                .list();
    }

    /**
     * Locks every org of the subtree, so that no child is added under it (OrgTree locks the parent first)
     * between here and the move, which would otherwise keep its old path.
     */
    void lockSubtree(String path) {
        jdbc.sql("select id from org where path <@ ?::ltree for update").param(path).query(Long.class).list();
    }

    /** R-ORG-7: the whole subtree in one statement; the moved org also gets its new parent. */
    int moveSubtree(long orgId, String oldPath, long newParentId, String newParentPath) {
        return jdbc.sql("""
                        update org
                           set path = cast(:newParentPath as ltree)
                                      || subpath(path, nlevel(cast(:oldPath as ltree)) - 1),
                               parent_id = case when id = :orgId then :newParentId else parent_id end,
                               updated_at = now()
                         where path <@ cast(:oldPath as ltree)""")
                .param("newParentPath", newParentPath)
                .param("oldPath", oldPath)
                .param("orgId", orgId)
                .param("newParentId", newParentId)
                .update();
    }

    private static Migration migration(ResultSet row, int rowNumber) throws SQLException {
        return new Migration(row.getLong("id"), row.getLong("org_id"), row.getLong("old_parent_id"),
                row.getLong("new_parent_id"), row.getString("reason"), row.getString("requested_by"),
                instant(row.getTimestamp("requested_at")), MigrationState.valueOf(row.getString("state")),
                instant(row.getTimestamp("closed_at")));
    }

    private static MigrationSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new MigrationSummary(migration(row, rowNumber), row.getString("org_name"),
                row.getString("old_parent_name"), row.getString("new_parent_name"), row.getString("requester_name"));
    }

    private static MigrationApprover approverOrNull(String value) {
        return value == null ? null : MigrationApprover.valueOf(value);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
