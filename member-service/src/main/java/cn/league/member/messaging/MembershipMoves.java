package cn.league.member.messaging;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.support.outbox.Outbox;

/** Moves memberships between branches for others' facts (a transfer, a deleted branch), each with MembershipMoved. */
@Component
class MembershipMoves {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    MembershipMoves(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Moves the person's membership, wherever it is; returns false when they have none. */
    boolean movePerson(String idNumber, long toBranchId, String toPath) {
        var from = jdbc.sql("select branch_id from membership where id_number = ? for update").param(idNumber)
                .query(Long.class).optional();
        if (from.isEmpty()) {
            return false;
        }
        jdbc.sql("update membership set branch_id = ?, org_path = ?, since = now() where id_number = ?")
                .params(toBranchId, toPath, idNumber).update();
        outbox.publish(Topics.MEMBER_EVENTS, new MembershipMoved(idNumber, from.get(), toBranchId), idNumber, toPath);
        return true;
    }

    /** Moves every membership of a branch (R-ORG-2: a deleted branch's people go to its pending branch). */
    int moveBranch(long fromBranchId, long toBranchId, String toPath) {
        List<String> moved = jdbc.sql("""
                        update membership set branch_id = ?, org_path = ?, since = now()
                         where branch_id = ? returning id_number""")
                .params(toBranchId, toPath, fromBranchId)
                .query(String.class).list();
        moved.forEach(idNumber -> outbox.publish(Topics.MEMBER_EVENTS,
                new MembershipMoved(idNumber, fromBranchId, toBranchId), idNumber, toPath));
        return moved.size();
    }
}
