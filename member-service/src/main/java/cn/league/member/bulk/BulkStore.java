package cn.league.member.bulk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.bulk.BulkRowRule.Existing;
import cn.league.member.person.Person;
import cn.league.support.copy.CopyIn;

/**
 * SQL of the bulk path: one query per kind of prefetch for the whole batch ({@code = any(?)}); the batch's rows
 * stored by one {@code COPY} per table; and, for a batch that meets a conflict, a multi-row insert that skips the
 * conflicting rows ({@code unnest} of arrays with {@code on conflict do nothing}).
 */
@Repository
class BulkStore {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BulkStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Stores the people, their memberships and their posts by COPY, as single entry stores them. All or nothing: a
     * row that meets a unique index (someone stored the ID or development number since the prefetch) fails the
     * whole call with a {@link org.springframework.dao.DataAccessException}.
     */
    void copy(List<Person> people, List<Person> members, List<OrgSnapshot> branches, List<Person> cadres,
              List<OrgSnapshot> orgs, List<String> titles) {
        CopyIn rows = new CopyIn("person (id_number, name, birth_date, gender, ethnicity, political_status, education, "
                + "join_date, development_number, mobile, email, address, emergency_contact, emergency_phone, "
                + "graduate, delayed_graduate, teacher, verification)", people.size());
        for (Person p : people) {
            rows.row(p.idNumber(), p.name(), p.birthDate(), p.gender(), p.ethnicity(), p.politicalStatus(),
                    p.education(), p.joinDate(), p.developmentNumber(), p.mobile(), p.email(), p.address(),
                    p.emergencyContact(), p.emergencyPhone(), p.graduate(), p.delayedGraduate(), p.teacher(),
                    p.verification());
        }
        rows.into(dataSource);
        CopyIn memberships = new CopyIn("membership (id_number, branch_id, org_path, name)", members.size());
        for (int i = 0; i < members.size(); i++) {
            Person member = members.get(i);
            memberships.row(member.idNumber(), branches.get(i).id(), branches.get(i).path(), member.name());
        }
        memberships.into(dataSource);
        CopyIn posts = new CopyIn("post (id_number, org_id, title, org_path, name)", cadres.size());
        for (int i = 0; i < cadres.size(); i++) {
            Person cadre = cadres.get(i);
            posts.row(cadre.idNumber(), orgs.get(i).id(), titles.get(i), orgs.get(i).path(), cadre.name());
        }
        posts.into(dataSource);
    }

    /** The people among these ID numbers who are in the system, deleted ones too (R-AUTH-5). */
    Map<String, Existing> existing(String[] idNumbers) {
        Map<String, Existing> found = new HashMap<>();
        if (idNumbers.length == 0) {
            return found;
        }
        jdbc.sql("""
                        select p.id_number, m.branch_id,
                               array(select post.org_id || '/' || post.title from post
                                      where post.id_number = p.id_number) as posts
                          from person p left join membership m using (id_number)
                         where p.id_number = any (cast(? as text[]))""")
                .param(1, idNumbers)
                .query(row -> {
                    String[] posts = (String[]) row.getArray("posts").getArray();
                    found.put(row.getString("id_number"), new Existing(row.getObject("branch_id", Long.class),
                            posts.length == 0 ? Set.of() : new HashSet<>(Arrays.asList(posts))));
                });
        return found;
    }

    /** Development number → the ID number of the person holding it, for these numbers (R-MEM-5). */
    Map<String, String> developmentNumberHolders(String[] numbers) {
        Map<String, String> holders = new HashMap<>();
        if (numbers.length == 0) {
            return holders;
        }
        jdbc.sql("""
                        select development_number, id_number from person
                         where development_number = any (cast(? as text[]))""")
                .param(1, numbers)
                .query(row -> {
                    holders.put(row.getString(1), row.getString(2));
                });
        return holders;
    }

    /**
     * Inserts the people a row of the batch adds, as single entry stores them; returns the ID numbers actually
     * inserted. A person whose ID number or development number someone stored since the prefetch (a race) is
     * skipped, not an error: the caller refuses that row.
     */
    Set<String> insertPeople(List<Person> people) {
        int size = people.size();
        String[][] columns = new String[14][size];
        for (int i = 0; i < size; i++) {
            Person p = people.get(i);
            columns[0][i] = p.idNumber();
            columns[1][i] = p.name();
            columns[2][i] = p.birthDate().toString();
            columns[3][i] = p.gender().name();
            columns[4][i] = p.ethnicity();
            columns[5][i] = p.politicalStatus();
            columns[6][i] = p.education();
            columns[7][i] = p.joinDate() == null ? null : p.joinDate().toString();
            columns[8][i] = p.developmentNumber();
            columns[9][i] = p.mobile();
            columns[10][i] = p.email();
            columns[11][i] = p.address();
            columns[12][i] = p.emergencyContact();
            columns[13][i] = p.emergencyPhone();
        }
        var statement = jdbc.sql("""
                insert into person (id_number, name, birth_date, gender, ethnicity, political_status, education,
                                    join_date, development_number, mobile, email, address, emergency_contact,
                                    emergency_phone, graduate, delayed_graduate, teacher, verification)
                select r.id_number, r.name, cast(r.birth_date as date), r.gender, r.ethnicity, r.political_status,
                       r.education, cast(r.join_date as date), r.development_number, r.mobile, r.email, r.address,
                       r.emergency_contact, r.emergency_phone, false, false, false, 'UNVERIFIED'
                  from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as text[]), cast(? as text[]))
                       with ordinality as r(id_number, name, birth_date, gender, ethnicity, political_status,
                                            education, join_date, development_number, mobile, email, address,
                                            emergency_contact, emergency_phone, n)
                 order by r.n
                on conflict do nothing
                returning id_number""");
        for (int c = 0; c < columns.length; c++) {
            statement = statement.param(c + 1, columns[c]);
        }
        return new HashSet<>(statement.query(String.class).list());
    }

    /** The ID numbers among these that are in the system now. */
    Set<String> registered(String[] idNumbers) {
        return new HashSet<>(jdbc.sql("select id_number from person where id_number = any (cast(? as text[]))")
                .param(1, idNumbers).query(String.class).list());
    }

    void startMemberships(String[] idNumbers, String[] branchIds, String[] orgPaths, String[] names) {
        if (idNumbers.length == 0) {
            return;
        }
        jdbc.sql("""
                        insert into membership (id_number, branch_id, org_path, name)
                        select r.id_number, cast(r.branch_id as bigint), r.org_path, r.name
                          from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                               as r(id_number, branch_id, org_path, name)""")
                .param(1, idNumbers).param(2, branchIds).param(3, orgPaths).param(4, names).update();
    }

    void addPosts(String[] idNumbers, String[] orgIds, String[] titles, String[] orgPaths, String[] names) {
        if (idNumbers.length == 0) {
            return;
        }
        jdbc.sql("""
                        insert into post (id_number, org_id, title, org_path, name)
                        select r.id_number, cast(r.org_id as bigint), r.title, r.org_path, r.name
                          from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                      cast(? as text[]))
                               as r(id_number, org_id, title, org_path, name)
                        on conflict do nothing""")
                .param(1, idNumbers).param(2, orgIds).param(3, titles).param(4, orgPaths).param(5, names).update();
    }
}
