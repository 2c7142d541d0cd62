package cn.league.identity.queue;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people this service checks and where they are, as member-service's events say; each write queues or places. */
@Repository
public class PeopleStore {

    private final JdbcClient jdbc;

    PeopleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** R-ID-1: a new person starts UNVERIFIED and is due for a check now. A person known already stays as is. */
    void entered(String idNumber, String name) {
        jdbc.sql("""
                        insert into person (id_number, name, due_at) values (?, ?, now())
                        on conflict (id_number) do nothing""")
                .params(idNumber, name).update();
    }

    /**
     * R-ID-2: the name or the ID number changed. The person is UNVERIFIED again and due now; any batch in flight
     * for the old details loses its claim, so its verdict is not applied.
     */
    void detailsChanged(String previousIdNumber, String idNumber, String name) {
        int moved = jdbc.sql("""
                        update person set id_number = ?, name = ?, status = 'UNVERIFIED', reason = null,
                               checked_at = null, failed_checks = 0, due_at = now(), claim_id = null,
                               claim_until = null, details_version = details_version + 1
                         where id_number = ?""")
                .params(idNumber, name, previousIdNumber).update();
        if (moved == 0) {
            entered(idNumber, name);
        }
        if (!previousIdNumber.equals(idNumber)) {
            jdbc.sql("update person_org set id_number = ? where id_number = ?").params(idNumber, previousIdNumber)
                    .update();
        }
    }

    /** R-MEM-8: a deleted person is not checked any more; what was checked stays in the history. */
    void deleted(String idNumber) {
        jdbc.sql("delete from person_org where id_number = ?").param(idNumber).update();
        jdbc.sql("delete from person where id_number = ?").param(idNumber).update();
    }

    /** The person's membership is now in this branch (a person has one at most, R-MEM-2). */
    void membership(String idNumber, long branchId) {
        jdbc.sql("delete from person_org where id_number = ? and via = 'MEMBERSHIP'").param(idNumber).update();
        jdbc.sql("insert into person_org (id_number, org_id, via) values (?, ?, 'MEMBERSHIP') on conflict do nothing")
                .params(idNumber, branchId).update();
    }

    /** The membership in this branch ended, unless it has meanwhile moved elsewhere. */
    void membershipEnded(String idNumber, long branchId) {
        jdbc.sql("delete from person_org where id_number = ? and org_id = ? and via = 'MEMBERSHIP'")
                .params(idNumber, branchId).update();
    }

    /** A cadre post gained (PersonEntered of a cadre). */
    void post(String idNumber, long orgId) {
        jdbc.sql("insert into person_org (id_number, org_id, via) values (?, ?, 'POST') on conflict do nothing")
                .params(idNumber, orgId).update();
    }

    /** The person's posts are exactly these orgs now. */
    void posts(String idNumber, List<Long> orgIds) {
        jdbc.sql("delete from person_org where id_number = ? and via = 'POST'").param(idNumber).update();
        for (long orgId : orgIds) {
            post(idNumber, orgId);
        }
    }
}
