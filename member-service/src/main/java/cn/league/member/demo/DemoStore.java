package cn.league.member.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the demo people: the demo orgs in the tree replica, the fill's lock, the graduation flags. */
@Repository
class DemoStore {

    private final JdbcClient jdbc;

    DemoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of the orgs with these full names below {@link DemoPeople#ROOT} (the root itself and 团中央 by their
     * own names) that the replica knows so far; a name it does not know yet is missing from the map.
     */
    Map<String, Long> orgsUnderRoot(List<String> names) {
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("""
                        with root as (select id, path from org_replica.org where full_name = :root order by id limit 1)
                        select root.id, :root as full_name from root
                        union all
                        select min(id), full_name from org_replica.org
                         where full_name = :central and parent_id is null group by full_name
                        union all
                        select min(o.id), o.full_name
                          from root join org_replica.org o on o.path like root.path || '.%'
                         where o.full_name = any (:names)
                         group by o.full_name""")
                .param("root", DemoPeople.ROOT)
                .param("central", DemoPeople.CENTRAL)
                .param("names", names.toArray(String[]::new))
                .query((row, n) -> Map.entry(row.getString("full_name"), row.getLong(1)))
                .list()
                .forEach(org -> found.put(org.getKey(), org.getValue()));
        return found;
    }

    /**
     * Waits for the fill lock, held until the transaction ends: one fill at a time across every instance of
     * member-service sharing the database.
     */
    void lockForFill() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('league.member.demo-people'))")
                .query(Integer.class).single();
    }

    /** R-MEM-10: the flags that keep a delayed graduate or a teacher from being made a graduate. */
    void setGraduationFlags(String idNumber, boolean graduate, boolean delayedGraduate, boolean teacher) {
        jdbc.sql("""
                        update person set graduate = ?, delayed_graduate = ?, teacher = ?, updated_at = now()
                         where id_number = ?""")
                .params(graduate, delayedGraduate, teacher, idNumber).update();
    }

    boolean developmentNumberTaken(String developmentNumber) {
        return jdbc.sql("select exists (select 1 from person where development_number = ?)")
                .param(developmentNumber).query(Boolean.class).single();
    }
}
