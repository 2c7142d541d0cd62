package cn.league.member.support;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.TestIdNumbers;

/**
 * Valid ID numbers (GB 11643 check digit) for any birth date, and people put straight into the tables, for tests
 * of what happens to people already in the system (age-out, deletion, org and transfer effects).
 */
public final class TestPeople {

    private final JdbcClient jdbc;

    public TestPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A valid, so far unused ID number of someone born on that day. */
    public static String idNumber(LocalDate birthDate) {
        return TestIdNumbers.bornOn(birthDate);
    }

    /** A person born on that day, with a membership in the branch; returns their ID number. */
    public String member(long branchId, LocalDate birthDate, String politicalStatus) {
        String idNumber = person(birthDate, politicalStatus);
        jdbc.sql("""
                        insert into membership (id_number, branch_id, org_path, name)
                        select p.id_number, o.id, o.path, p.name from person p, org_replica.org o
                         where p.id_number = ? and o.id = ?""")
                .params(idNumber, branchId).update();
        return idNumber;
    }

    /**
     * A new person born on that day; returns their ID number. A number someone already holds is passed over: other
     * tests put fixed numbers in (a CI run drew MemberSearchApiTest's 440305200406061281), and a day's numbers
     * repeat after 7,000.
     */
    public String person(LocalDate birthDate, String politicalStatus) {
        while (true) {
            String idNumber = idNumber(birthDate);
            int added = jdbc.sql("""
                            insert into person (id_number, name, birth_date, gender, political_status)
                            values (?, ?, ?, 'MALE', ?) on conflict (id_number) do nothing""")
                    .params(idNumber, "测试" + idNumber.substring(14, 17), birthDate, politicalStatus).update();
            if (added == 1) {
                return idNumber;
            }
        }
    }

    public void post(String idNumber, long orgId, String title) {
        jdbc.sql("""
                        insert into post (id_number, org_id, title, org_path, name)
                        select p.id_number, o.id, ?, o.path, p.name from person p, org_replica.org o
                         where p.id_number = ? and o.id = ?""")
                .params(title, idNumber, orgId).update();
    }

    public Long branchOf(String idNumber) {
        return jdbc.sql("select branch_id from membership where id_number = ?").param(idNumber)
                .query(Long.class).optional().orElse(null);
    }

    public String membershipPath(String idNumber) {
        return jdbc.sql("select org_path from membership where id_number = ?").param(idNumber)
                .query(String.class).optional().orElse(null);
    }
}
