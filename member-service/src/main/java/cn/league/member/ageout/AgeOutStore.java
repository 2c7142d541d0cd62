package cn.league.member.ageout;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the age-out job. */
@Repository
class AgeOutStore {

    private final JdbcClient jdbc;

    AgeOutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members born on or before the day who hold no post, locked for this transaction. */
    List<Candidate> candidates(LocalDate bornOnOrBefore, int limit) {
        return jdbc.sql("""
                        select m.id_number, m.branch_id, m.org_path, p.birth_date,
                               exists (select 1 from post where post.id_number = m.id_number) as holds_post
                          from membership m join person p using (id_number)
                         where p.birth_date <= ? and p.deleted_at is null
                           and not exists (select 1 from post where post.id_number = m.id_number)
                         order by m.id_number limit ?
                           for update of m skip locked""")
                .params(Date.valueOf(bornOnOrBefore), limit)
                .query((row, n) -> new Candidate(row.getString("id_number"), row.getLong("branch_id"),
                        row.getString("org_path"), row.getObject("birth_date", LocalDate.class),
                        row.getBoolean("holds_post")))
                .list();
    }

    record Candidate(String idNumber, long branchId, String orgPath, LocalDate birthDate, boolean holdsPost) {
    }
}
