package cn.league.transfer.store;

import java.sql.Types;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** transfer-service's copy of who a person is and where their membership is, fed by member-service's events. */
@Repository
public class MemberCopyStore {

    /** @param branchId the branch holding the membership, or null when the person has none */
    public record MemberCopy(String idNumber, String name, Long branchId) {
    }

    private final JdbcClient jdbc;

    MemberCopyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MemberCopy> find(String idNumber) {
        return jdbc.sql("select id_number, name, branch_id from member_copy where id_number = ?").param(idNumber)
                .query((row, n) -> new MemberCopy(row.getString(1), row.getString(2), row.getObject(3, Long.class)))
                .optional();
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
    }

    public void delete(String idNumber) {
        jdbc.sql("delete from member_copy where id_number = ?").param(idNumber).update();
    }
}
