package cn.league.transfer.membercopy;

import java.sql.Types;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** transfer-service's copy of who a person is and where their membership is, fed by member-service's events. */
@Repository
public class MemberCopyStore {

    /**
     * @param branchId        the branch holding the membership, or null when the person has none
     * @param flaggedGraduate member-service flagged them a graduate (R-GRAD-3)
     */
    public record MemberCopy(String idNumber, String name, Long branchId, boolean flaggedGraduate,
                             boolean delayedGraduate, boolean teacher) {

        /** R-MEM-10: delayed graduates and teachers in a graduating branch are not treated as graduates. */
        public boolean graduate() {
            return flaggedGraduate && !delayedGraduate && !teacher;
        }
    }

    private final JdbcClient jdbc;

    MemberCopyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MemberCopy> find(String idNumber) {
        return jdbc.sql("""
                        select id_number, name, branch_id, graduate, delayed_graduate, teacher
                          from member_copy where id_number = ?""").param(idNumber)
                .query((row, n) -> new MemberCopy(row.getString(1), row.getString(2), row.getObject(3, Long.class),
                        row.getBoolean(4), row.getBoolean(5), row.getBoolean(6)))
                .optional();
    }

    /** R-GRAD-3: the person's branch graduated and they are a graduate now. */
    public void flaggedGraduate(String idNumber) {
        jdbc.sql("""
                        insert into member_copy (id_number, graduate) values (?, true)
                        on conflict (id_number) do update set graduate = true""")
                .param(idNumber).update();
    }

    /** R-MEM-10: the graduate, delayed-graduate and teacher flags as member-service set them. */
    public void graduationFlags(String idNumber, boolean graduate, boolean delayedGraduate, boolean teacher) {
        jdbc.sql("""
                        insert into member_copy (id_number, graduate, delayed_graduate, teacher) values (?, ?, ?, ?)
                        on conflict (id_number) do update set graduate = excluded.graduate,
                               delayed_graduate = excluded.delayed_graduate, teacher = excluded.teacher""")
                .params(idNumber, graduate, delayedGraduate, teacher).update();
    }

    public void named(String idNumber, String name) {
        jdbc.sql("""
                        insert into member_copy (id_number, name) values (?, ?)
                        on conflict (id_number) do update set name = excluded.name""")
                .params(idNumber, name).update();
    }

    public void inBranch(String idNumber, Long branchId) {
        jdbc.sql("""
                        insert into member_copy (id_number, branch_id) values (:idNumber, :branchId)
                        on conflict (id_number) do update set branch_id = excluded.branch_id""")
                .param("idNumber", idNumber).param("branchId", branchId, Types.BIGINT).update();
    }

    /** The membership ended, unless it has meanwhile started elsewhere. */
    public void leftBranch(String idNumber, long branchId) {
        jdbc.sql("update member_copy set branch_id = null where id_number = ? and branch_id = ?")
                .params(idNumber, branchId).update();
    }

    /** R-ID-2: the ID number or the name changed; every row keyed by the old number moves to the new one. */
    public void renumbered(String previousIdNumber, String idNumber, String name) {
        jdbc.sql("update member_copy set id_number = ?, name = ? where id_number = ?")
                .params(idNumber, name, previousIdNumber).update();
        jdbc.sql("update transfer set id_number = ? where id_number = ? and state = 'OPEN'")
                .params(idNumber, previousIdNumber).update();
        jdbc.sql("update job_report set id_number = ? where id_number = ?").params(idNumber, previousIdNumber).update();
    }

    public void delete(String idNumber) {
        jdbc.sql("delete from member_copy where id_number = ?").param(idNumber).update();
    }
}
