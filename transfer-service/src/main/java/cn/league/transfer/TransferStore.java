package cn.league.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferStep;

/** SQL for transfers and their history entries. */
@Repository
public class TransferStore {

    private static final String COLUMNS = """
            id, id_number, name, kind, initiator, started_by, reason, from_branch_id, from_parent_id, from_path,
            target_org_id, target_parent_id, target_path, to_branch, to_branch_id, destination_type, external_system,
            destination_note, provincial_org_id, steps, done, state, started_at, step_since, closed_at, ended_by,
            end_reason""";

    private final JdbcClient jdbc;

    TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new open transfer unless the person already has one (R-TR-1): the partial unique index is the
     * arbiter, so of two concurrent starts exactly one gets an id. Empty when another is open.
     */
    public Optional<Long> insertIfNoneOpen(Transfer t) {
        return jdbc.sql("""
                        insert into transfer (id_number, name, kind, initiator, started_by, reason, from_branch_id,
                                              from_parent_id, from_path, target_org_id, target_parent_id, target_path,
                                              to_branch, to_branch_id, destination_type, external_system,
                                              destination_note, provincial_org_id, steps, done, state, current_step,
                                              waiting_at, waiting_parent, started_at, step_since, closed_at, ended_by)
                        values (:idNumber, :name, :kind, :initiator, :startedBy, :reason, :fromBranchId, :fromParentId,
                                :fromPath, :targetOrgId, :targetParentId, :targetPath, :toBranch, :toBranchId,
                                :destinationType, :externalSystem, :destinationNote, :provincialOrgId, :steps, :done,
                                'OPEN', :currentStep, :waitingAt, :waitingParent, :startedAt, :stepSince, :closedAt,
                                :endedBy)
                        on conflict (id_number) where state = 'OPEN' do nothing
                        returning id""")
                .param("idNumber", t.idNumber()).param("name", t.name()).param("kind", t.kind().name())
                .param("initiator", t.initiator().name())
                .param("startedBy", t.startedBy()).param("reason", t.reason())
                .param("fromBranchId", t.fromBranchId()).param("fromParentId", t.fromParentId(), Types.BIGINT)
                .param("fromPath", t.fromPath()).param("targetOrgId", t.targetOrgId(), Types.BIGINT)
                .param("targetParentId", t.targetParentId(), Types.BIGINT)
                .param("targetPath", t.targetPath(), Types.VARCHAR)
                .param("toBranch", t.toBranch()).param("toBranchId", t.toBranchId(), Types.BIGINT)
                .param("destinationType", nameOf(t.destination().type()), Types.VARCHAR)
                .param("externalSystem", nameOf(t.destination().externalSystem()), Types.VARCHAR)
                .param("destinationNote", t.destination().note(), Types.VARCHAR)
                .param("provincialOrgId", t.destination().provincialOrgId(), Types.BIGINT)
                .param("steps", String.join(",", t.steps().stream().map(Enum::name).toList()))
                .param("done", t.done())
                .param("currentStep", nameOf(t.currentStep()), Types.VARCHAR)
                .param("waitingAt", t.waitingAt(), Types.BIGINT).param("waitingParent", t.waitingParent(), Types.BIGINT)
                .param("startedAt", Timestamp.from(t.startedAt())).param("stepSince", Timestamp.from(t.stepSince()))
                .param("closedAt", t.closedAt() == null ? null : Timestamp.from(t.closedAt()), Types.TIMESTAMP)
                .param("endedBy", t.endedBy(), Types.VARCHAR)
                .query(Long.class).optional()
                .map(id -> {
                    if (!t.state().open()) {
                        // a batch move (R-TR-4) is done as it starts: inserted OPEN so the index above arbitrates
                        // against a concurrent start, then closed in the same transaction
                        jdbc.sql("update transfer set state = ? where id = ?").params(t.state().name(), id).update();
                    }
                    return id;
                });
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public Optional<Transfer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from transfer where id = ?").param(id)
                .query(TransferStore::transfer).optional();
    }

    /** The transfer, locked until the deciding transaction ends, so two decisions cannot both pass. */
    public Optional<Transfer> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from transfer where id = ? for update").param(id)
                .query(TransferStore::transfer).optional();
    }

    public Optional<Transfer> openOf(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from transfer where id_number = ? and state = 'OPEN'")
                .param(idNumber).query(TransferStore::transfer).optional();
    }

    /** Writes what a move changed; the row was locked by {@link #lock} or the expiry batch. */
    public void update(Transfer t) {
        jdbc.sql("""
                        update transfer set to_branch_id = :toBranchId, done = :done, state = :state,
                               current_step = :currentStep, waiting_at = :waitingAt, waiting_parent = :waitingParent,
                               step_since = :stepSince, closed_at = :closedAt, ended_by = :endedBy,
                               end_reason = :endReason
                         where id = :id""")
                .param("toBranchId", t.toBranchId(), Types.BIGINT).param("done", t.done())
                .param("state", t.state().name())
                .param("currentStep", t.currentStep() == null ? null : t.currentStep().name(), Types.VARCHAR)
                .param("waitingAt", t.waitingAt(), Types.BIGINT).param("waitingParent", t.waitingParent(), Types.BIGINT)
                .param("stepSince", Timestamp.from(t.stepSince()))
                .param("closedAt", t.closedAt() == null ? null : Timestamp.from(t.closedAt()), Types.TIMESTAMP)
                .param("endedBy", t.endedBy(), Types.VARCHAR).param("endReason", t.endReason(), Types.VARCHAR)
                .param("id", t.id())
                .update();
    }

    /**
     * Writes the moves of a whole batch (the expiry job) in one statement; the rows were locked by
     * {@link #lockExpired}. Same columns as {@link #update}.
     */
    public void updateAll(List<Transfer> after) {
        int size = after.size();
        Long[] ids = new Long[size];
        Long[] toBranchIds = new Long[size];
        Integer[] done = new Integer[size];
        String[] states = new String[size];
        String[] currentSteps = new String[size];
        Long[] waitingAt = new Long[size];
        Long[] waitingParent = new Long[size];
        String[] stepSince = new String[size]; // instants as text: the driver sends no timestamp arrays
        String[] closedAt = new String[size];
        String[] endedBy = new String[size];
        String[] endReasons = new String[size];
        for (int i = 0; i < size; i++) {
            Transfer t = after.get(i);
            ids[i] = t.id();
            toBranchIds[i] = t.toBranchId();
            done[i] = t.done();
            states[i] = t.state().name();
            currentSteps[i] = t.currentStep() == null ? null : t.currentStep().name();
            waitingAt[i] = t.waitingAt();
            waitingParent[i] = t.waitingParent();
            stepSince[i] = t.stepSince().toString();
            closedAt[i] = t.closedAt() == null ? null : t.closedAt().toString();
            endedBy[i] = t.endedBy();
            endReasons[i] = t.endReason();
        }
        jdbc.sql("""
                        update transfer t
                           set to_branch_id = u.to_branch_id, done = u.done, state = u.state,
                               current_step = u.current_step, waiting_at = u.waiting_at,
                               waiting_parent = u.waiting_parent, step_since = u.step_since, closed_at = u.closed_at,
                               ended_by = u.ended_by, end_reason = u.end_reason
                          from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as int[]), cast(? as text[]),
                                      cast(? as text[]), cast(? as bigint[]), cast(? as bigint[]),
                                      cast(? as timestamptz[]), cast(? as timestamptz[]), cast(? as text[]),
                                      cast(? as text[]))
                               as u(id, to_branch_id, done, state, current_step, waiting_at, waiting_parent,
                                    step_since, closed_at, ended_by, end_reason)
                         where t.id = u.id""")
                .params(ids, toBranchIds, done, states, currentSteps, waitingAt, waitingParent, stepSince, closedAt,
                        endedBy, endReasons)
                .update();
    }

    /** Adds one history entry to each of many transfers in one statement (the expiry job's batches). */
    public void addEntries(List<Long> transferIds, List<Transfer.Entry> entries) {
        int size = entries.size();
        String[] actions = new String[size];
        String[] steps = new String[size];
        String[] actedBy = new String[size];
        String[] actedAt = new String[size];
        String[] reasons = new String[size];
        Long[] branchIds = new Long[size];
        for (int i = 0; i < size; i++) {
            Transfer.Entry entry = entries.get(i);
            actions[i] = entry.action().name();
            steps[i] = entry.step() == null ? null : entry.step().name();
            actedBy[i] = entry.actedBy();
            actedAt[i] = entry.at().toString();
            reasons[i] = entry.reason();
            branchIds[i] = entry.branchId();
        }
        jdbc.sql("""
                        insert into transfer_entry (transfer_id, seq, action, step, acted_by, acted_at, reason, branch_id)
                        select u.id, (select coalesce(max(seq), 0) + 1 from transfer_entry e where e.transfer_id = u.id),
                               u.action, u.step, u.acted_by, u.acted_at, u.reason, u.branch_id
                          from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                      cast(? as timestamptz[]), cast(? as text[]), cast(? as bigint[]))
                               as u(id, action, step, acted_by, acted_at, reason, branch_id)""")
                .params(transferIds.toArray(Long[]::new), actions, steps, actedBy, actedAt, reasons, branchIds)
                .update();
    }

    public void addEntry(long transferId, Transfer.Entry entry) {
        jdbc.sql("""
                        insert into transfer_entry (transfer_id, seq, action, step, acted_by, acted_at, reason, branch_id)
                        values (:id, (select coalesce(max(seq), 0) + 1 from transfer_entry where transfer_id = :id),
                                :action, :step, :actedBy, :actedAt, :reason, :branchId)""")
                .param("id", transferId).param("action", entry.action().name())
                .param("step", entry.step() == null ? null : entry.step().name(), Types.VARCHAR)
                .param("actedBy", entry.actedBy(), Types.VARCHAR).param("actedAt", Timestamp.from(entry.at()))
                .param("reason", entry.reason(), Types.VARCHAR).param("branchId", entry.branchId(), Types.BIGINT)
                .update();
    }

    public List<Transfer.Entry> entries(long transferId) {
        return jdbc.sql("""
                        select action, step, acted_by, acted_at, reason, branch_id from transfer_entry
                         where transfer_id = ? order by seq""")
                .param(transferId)
                .query((row, n) -> new Transfer.Entry(Transfer.Action.valueOf(row.getString("action")),
                        row.getString("step") == null ? null : TransferStep.valueOf(row.getString("step")),
                        row.getString("acted_by"), row.getTimestamp("acted_at").toInstant(), row.getString("reason"),
                        row.getObject("branch_id", Long.class)))
                .list();
    }

    /** A person's transfers, newest first, below id {@code before}. */
    public List<Transfer> ofPerson(String idNumber, long before, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from transfer where id_number = ? and id < ? order by id desc limit ?""")
                .params(idNumber, before, limit).query(TransferStore::transfer).list();
    }

    /**
     * 组织关系转接历史 of an org (R-TR-14): transfers out of the subtree at {@code path} ({@code out}: the old branch
     * lies in it) and into it ({@code in}: the target lies in it), newest first below id {@code before}; optionally
     * of one state and started within [from, to).
     */
    public List<Transfer> ofSubtree(String path, boolean out, boolean in, TransferState state, Instant from,
                                    Instant to, long before, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from transfer
                        where id < :before
                          and ((:out and (from_path = :path or from_path like :prefix))
                               or (:in and (target_path = :path or target_path like :prefix)))
                          and (cast(:state as text) is null or state = cast(:state as text))
                          and (cast(:from as timestamptz) is null or started_at >= cast(:from as timestamptz))
                          and (cast(:to as timestamptz) is null or started_at < cast(:to as timestamptz))
                        order by id desc limit :limit""")
                .param("before", before).param("out", out).param("in", in)
                .param("path", path).param("prefix", path + ".%")
                .param("state", state == null ? null : state.name(), Types.VARCHAR)
                .param("from", from == null ? null : Timestamp.from(from), Types.TIMESTAMP)
                .param("to", to == null ? null : Timestamp.from(to), Types.TIMESTAMP)
                .param("limit", limit)
                .query(TransferStore::transfer).list();
    }

    /**
     * Open transfers whose current step waits for the admins of {@code orgId} (as the org or as its direct
     * parent), oldest first after id {@code after}; optionally of one step and started within [from, to).
     */
    public List<Transfer> waitingFor(long orgId, TransferStep step, Instant from, Instant to, long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from transfer where " + WAITING_FOR + " and id > :after order by id limit :limit")
                .param("org", orgId).param("step", step == null ? null : step.name(), Types.VARCHAR)
                .param("from", from == null ? null : Timestamp.from(from), Types.TIMESTAMP)
                .param("to", to == null ? null : Timestamp.from(to), Types.TIMESTAMP)
                .param("after", after).param("limit", limit)
                .query(TransferStore::transfer).list();
    }

    /** How many wait for the org's admins at each step, with the same filters. */
    public List<StepCount> countWaitingFor(long orgId, Instant from, Instant to) {
        return jdbc.sql("select current_step, count(*) from transfer where " + WAITING_FOR + " group by current_step")
                .param("org", orgId).param("step", null, Types.VARCHAR)
                .param("from", from == null ? null : Timestamp.from(from), Types.TIMESTAMP)
                .param("to", to == null ? null : Timestamp.from(to), Types.TIMESTAMP)
                .query((row, n) -> new StepCount(TransferStep.valueOf(row.getString(1)), row.getLong(2))).list();
    }

    public record StepCount(TransferStep step, long count) {
    }

    private static final String WAITING_FOR = """
            state = 'OPEN' and (waiting_at = :org or waiting_parent = :org)
            and (cast(:step as text) is null or current_step = cast(:step as text))
            and (cast(:from as timestamptz) is null or started_at >= cast(:from as timestamptz))
            and (cast(:to as timestamptz) is null or started_at < cast(:to as timestamptz))""";

    /** When the step started that has waited longest among the open transfers. */
    public Optional<Instant> oldestOpenStep() {
        return jdbc.sql("select min(step_since) from transfer where state = 'OPEN'")
                .query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    /**
     * Open transfers whose step started at or before {@code cutoff} and not before {@code from}, oldest first,
     * locked; rows others hold are skipped. {@code from} lets a run go on where its last batch ended instead of
     * walking again over the index entries of the rows it has just expired.
     */
    public List<Transfer> lockExpired(Instant from, Instant cutoff, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from transfer where state = 'OPEN' and step_since >= ? and step_since <= ?
                         order by step_since limit ? for update skip locked""")
                .params(Timestamp.from(from), Timestamp.from(cutoff), limit).query(TransferStore::transfer).list();
    }

    private static Transfer transfer(ResultSet row, int n) throws SQLException {
        Timestamp closed = row.getTimestamp("closed_at");
        String steps = row.getString("steps");
        return new Transfer(row.getLong("id"), row.getString("id_number"), row.getString("name"),
                TransferKind.valueOf(row.getString("kind")),
                Initiator.valueOf(row.getString("initiator")), row.getString("started_by"), row.getString("reason"),
                row.getLong("from_branch_id"), row.getObject("from_parent_id", Long.class), row.getString("from_path"),
                row.getObject("target_org_id", Long.class), row.getObject("target_parent_id", Long.class),
                row.getString("target_path"), row.getBoolean("to_branch"), row.getObject("to_branch_id", Long.class),
                new Transfer.Destination(enumOf(DestinationType.class, row.getString("destination_type")),
                        enumOf(ExternalSystem.class, row.getString("external_system")),
                        row.getString("destination_note"), row.getObject("provincial_org_id", Long.class)),
                steps.isEmpty() ? List.of()
                        : Arrays.stream(steps.split(",")).map(TransferStep::valueOf).toList(),
                row.getInt("done"), TransferState.valueOf(row.getString("state")),
                row.getTimestamp("started_at").toInstant(), row.getTimestamp("step_since").toInstant(),
                closed == null ? null : closed.toInstant(), row.getString("ended_by"), row.getString("end_reason"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
