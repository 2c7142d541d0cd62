package cn.league.transfer.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.ReplicaTree;

/** transfer-service's copy of the org tree, and its member copy as member-service's events would leave it. */
public final class TreeReplica extends ReplicaTree {

    public TreeReplica(JdbcClient jdbc) {
        super(jdbc);
    }

    /** The graduate flags member-service's events leave in the member copy (R-MEM-10). */
    public void graduationFlags(String idNumber, boolean graduate, boolean delayedGraduate, boolean teacher) {
        jdbc.sql("update member_copy set graduate = ?, delayed_graduate = ?, teacher = ? where id_number = ?")
                .params(graduate, delayedGraduate, teacher, idNumber).update();
    }

    /** A person with a membership in {@code branchId}, as member-service's events would leave them. */
    public void member(String idNumber, String name, long branchId) {
        jdbc.sql("""
                        insert into member_copy (id_number, name, branch_id) values (?, ?, ?)
                        on conflict (id_number) do update set name = excluded.name, branch_id = excluded.branch_id""")
                .params(idNumber, name, branchId).update();
    }
}
