package cn.league.stats.projection;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.support.copy.CopyIn;

/**
 * The projection's tables: person facts and orgs' own figures. Every write takes a whole batch at once. The same SQL
 * writes the shadow tables a rebuild fills ({@link #shadow()}) before they replace these.
 */
@Repository
public class ProjectionStore {

    static final String FACTS = "person_fact";
    static final String FIGURES = "org_figure";
    static final String SHADOW_SUFFIX = "_shadow";
    private static final String FACT_COLUMNS = "id_number, branch_id, post_org_ids, complete";

    private final JdbcClient jdbc;
    // reads millions of facts a chunk at a time (PostgreSQL streams only inside a transaction)
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final String factsTable;
    private final String figuresTable;

    @Autowired
    ProjectionStore(JdbcClient jdbc, DataSource dataSource) {
        this(jdbc, dataSource, FACTS, FIGURES);
    }

    private ProjectionStore(JdbcClient jdbc, DataSource dataSource, String facts, String figures) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.factsTable = facts;
        this.figuresTable = figures;
    }

    /** The same store over the rebuild's shadow tables. */
    ProjectionStore shadow() {
        return new ProjectionStore(jdbc, dataSource, FACTS + SHADOW_SUFFIX, FIGURES + SHADOW_SUFFIX);
    }

    Map<String, PersonFact> load(Collection<String> idNumbers) {
        Map<String, PersonFact> facts = new HashMap<>();
        if (!idNumbers.isEmpty()) {
            jdbc.sql("select " + FACT_COLUMNS + " from " + factsTable + " where id_number = any (?)")
                    .param(idNumbers.toArray(String[]::new))
                    .query(ProjectionStore::fact)
                    .list()
                    .forEach(fact -> facts.put(fact.idNumber(), fact));
        }
        return facts;
    }

    /** The stored facts of {@code stored} are replaced by {@code present} (people not named there are gone). */
    void save(Collection<String> stored, Collection<PersonFact> present) {
        if (!stored.isEmpty()) { // an import's new people have nothing stored to replace
            jdbc.sql("delete from " + factsTable + " where id_number = any (?)").param(stored.toArray(String[]::new))
                    .update();
        }
        CopyIn rows = new CopyIn(factsTable + " (" + FACT_COLUMNS + ")", present.size());
        for (PersonFact fact : present) {
            rows.row(fact.idNumber(), fact.branchId(), pgArray(fact.postOrgIds()), fact.complete());
        }
        rows.into(dataSource);
    }

    /**
     * Adds what a batch changed to the orgs' own figures, in org id order: consumers of several partitions
     * touch the same orgs, and one order of row locks keeps them from deadlocking.
     */
    void addToOrgs(Map<Long, long[]> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Long[] orgIds = changes.keySet().stream().sorted().toArray(Long[]::new);
        Object[] columns = new Object[OwnFigures.WIDTH + 1];
        columns[0] = orgIds;
        for (int figure = 0; figure < OwnFigures.WIDTH; figure++) {
            int index = figure;
            columns[figure + 1] = Arrays.stream(orgIds).map(orgId -> changes.get(orgId)[index]).toArray(Long[]::new);
        }
        jdbc.sql("""
                        insert into %1$s as f (org_id, members, members_complete, cadres, cadres_complete, people,
                                               people_complete)
                        select * from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
                                             cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
                                             cast(? as bigint[]))
                        on conflict (org_id) do update set
                            members = f.members + excluded.members,
                            members_complete = f.members_complete + excluded.members_complete,
                            cadres = f.cadres + excluded.cadres,
                            cadres_complete = f.cadres_complete + excluded.cadres_complete,
                            people = f.people + excluded.people,
                            people_complete = f.people_complete + excluded.people_complete""".formatted(figuresTable))
                .params(columns)
                .update();
    }

    /** Every person fact, streamed (millions of them) in the current transaction. */
    void forEachFact(Consumer<PersonFact> action) {
        streaming.query("select " + FACT_COLUMNS + " from " + factsTable, row -> {
            action.accept(fact(row, 0));
        });
    }

    /** The own figures, replaced by {@code figures} whole. */
    void replaceOrgFigures(Map<Long, long[]> figures) {
        jdbc.sql("truncate " + figuresTable).update();
        CopyIn rows = new CopyIn(figuresTable + " (org_id, members, members_complete, cadres, cadres_complete, people,"
                + " people_complete)", figures.size());
        figures.forEach((orgId, f) -> rows.row(orgId, f[0], f[1], f[2], f[3], f[4], f[5]));
        rows.into(dataSource);
    }

    /** The own figures as stored, for comparing a recompute with the incremental result. */
    public Map<Long, List<Long>> orgFigures() {
        Map<Long, List<Long>> figures = new HashMap<>();
        jdbc.sql("""
                        select org_id, members, members_complete, cadres, cadres_complete, people, people_complete
                          from\s""" + figuresTable)
                .query(row -> {
                    List<Long> values = List.of(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                            row.getLong(6), row.getLong(7));
                    if (values.stream().anyMatch(value -> value != 0)) {
                        figures.put(row.getLong(1), values);
                    }
                });
        return figures;
    }

    /** Blocks the consumers' writes while a recompute replaces the figures. */
    void lockForRecompute() {
        jdbc.sql("lock table " + factsTable + ", " + figuresTable + " in exclusive mode").update();
    }

    /** How many people the facts hold. */
    public long countFacts() {
        return jdbc.sql("select count(*) from " + factsTable).query(Long.class).single();
    }

    /** Empty shadow tables shaped as the live ones, for a rebuild (those of an earlier, broken-off one dropped). */
    void createShadow() {
        for (String table : new String[] {FACTS, FIGURES}) {
            jdbc.sql("drop table if exists " + table + SHADOW_SUFFIX).update();
            jdbc.sql("create table " + table + SHADOW_SUFFIX + " (like " + table + " including all)").update();
        }
    }

    /**
     * Blocks every reader and writer of the live tables (every replica's consumers wait) until the transaction ends;
     * a consumer's transaction in flight finishes first.
     */
    void lockLive() {
        jdbc.sql("lock table " + FACTS + ", " + FIGURES + " in access exclusive mode").update();
    }

    /** The shadow tables become the live ones; the old live ones are dropped. Under {@link #lockLive()}. */
    void swapShadowIn() {
        for (String table : new String[] {FACTS, FIGURES}) {
            jdbc.sql("drop table " + table).update();
            jdbc.sql("alter table " + table + SHADOW_SUFFIX + " rename to " + table).update();
            jdbc.sql("alter index if exists " + table + SHADOW_SUFFIX + "_pkey rename to " + table + "_pkey").update();
        }
    }

    private static String pgArray(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static PersonFact fact(ResultSet row, int rowNumber) throws SQLException {
        Array posts = row.getArray("post_org_ids");
        Set<Long> postOrgIds = new HashSet<>();
        for (Long orgId : (Long[]) posts.getArray()) {
            postOrgIds.add(orgId);
        }
        return new PersonFact(row.getString("id_number"), row.getObject("branch_id", Long.class), postOrgIds,
                row.getBoolean("complete"));
    }
}
