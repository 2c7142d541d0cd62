package cn.league.member.profile;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.member.idnumber.Gender;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.person.Person;
import cn.league.support.security.ActiveOrg;

/** SQL for reading and editing profiles: the person row, where they are in the tree, and the org lists. */
@Repository
public class ProfileStore {

    private static final String PERSON_COLUMNS = """
            p.id_number, p.name, p.birth_date, p.gender, p.ethnicity, p.political_status, p.education, p.join_date,
            p.development_number, p.mobile, p.email, p.address, p.emergency_contact, p.emergency_phone, p.graduate,
            p.delayed_graduate, p.teacher, p.verification""";

    private final JdbcClient jdbc;

    public ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** R-ID-1: the centre's reason for a FAILED check, or null. */
    public String verificationReason(String idNumber) {
        return jdbc.sql("select verification_reason from person where id_number = ?").param(idNumber)
                .query(String.class).optional().orElse(null);
    }

    /** The person's membership (branch) and posts, with the orgs' names and province codes from the replica. */
    public Placement placement(String idNumber) {
        var branch = jdbc.sql("""
                        select m.branch_id, o.full_name, o.province_code, m.org_path
                          from membership m left join org_replica.org o on o.id = m.branch_id
                         where m.id_number = ?""")
                .param(idNumber)
                .query((row, n) -> new OrgPlace(row.getLong("branch_id"), row.getString("full_name"),
                        row.getString("province_code"), row.getString("org_path"), null))
                .optional();
        var posts = jdbc.sql("""
                        select p.org_id, o.full_name, o.province_code, p.org_path, p.title
                          from post p left join org_replica.org o on o.id = p.org_id
                         where p.id_number = ? order by p.org_id, p.title""")
                .param(idNumber)
                .query((row, n) -> new OrgPlace(row.getLong("org_id"), row.getString("full_name"),
                        row.getString("province_code"), row.getString("org_path"), row.getString("title")))
                .list();
        return new Placement(branch.orElse(null), posts);
    }

    /** Whether the caller administers one of the person's orgs or the direct parent of one (R-MEM-7, FAQ 25). */
    public boolean administersOwnOrParentOrg(String caller, String idNumber) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        with own as (select branch_id as org_id from membership where id_number = :person
                                     union select org_id from post where id_number = :person)
                        select exists (select 1 from own
                                         join org_replica.org o on o.id = own.org_id
                                         join org_replica.org_admin a on a.org_id in (o.id, o.parent_id)
                                        where a.id_number = :caller and (:active = 0 or a.org_id = :active))""")
                .param("person", idNumber).param("caller", caller).param("active", ActiveOrg.current().orElse(0L))
                .query(Boolean.class).single());
    }

    public void updateContactDetails(String idNumber, ProfileEdit edit) {
        jdbc.sql("""
                        update person set ethnicity = ?, political_status = ?, education = ?, join_date = ?, mobile = ?,
                                          email = ?, address = ?, emergency_contact = ?, emergency_phone = ?,
                                          updated_at = now()
                         where id_number = ?""")
                .params(edit.ethnicity(), edit.politicalStatus(), edit.education(), edit.joinDate(), edit.mobile(),
                        edit.email(), edit.address(), edit.emergencyContact(), edit.emergencyPhone(), idNumber)
                .update();
    }

    /**
     * R-ID-2: a new name and, unless {@code newIdNumber} is null, a new ID number (birth date and gender
     * follow it); the identity check starts over. The membership and post rows follow the person's key in
     * the same statement (ON UPDATE CASCADE, V2__profiles.sql) and take the new name they keep for search.
     */
    public void changeIdentity(String idNumber, IdNumber newIdNumber, String newName) {
        if (newIdNumber == null) {
            jdbc.sql("update person set name = ?, verification = 'UNVERIFIED', updated_at = now() where id_number = ?")
                    .params(newName, idNumber).update();
        } else {
            jdbc.sql("""
                            update person set id_number = ?, birth_date = ?, gender = ?, name = ?,
                                              verification = 'UNVERIFIED', updated_at = now()
                             where id_number = ?""")
                    .params(newIdNumber.value(), newIdNumber.birthDate(), newIdNumber.gender().name(), newName,
                            idNumber)
                    .update();
        }
        String current = newIdNumber == null ? idNumber : newIdNumber.value();
        jdbc.sql("update membership set name = ? where id_number = ?").params(newName, current).update();
        jdbc.sql("update post set name = ? where id_number = ?").params(newName, current).update();
    }

    public void setDevelopmentNumber(String idNumber, String developmentNumber) {
        jdbc.sql("update person set development_number = ?, updated_at = now() where id_number = ?")
                .params(developmentNumber, idNumber).update();
    }

    /**
     * One chunk of the org's people in ID number order after {@code after}: for a branch its members and its
     * cadres, for any other org its cadres (R-STAT-3, FAQ 19). Deleted people come back too, flagged, so that
     * the caller's cursor moves past them.
     */
    public List<Candidate> candidates(long orgId, boolean branch, String after, int limit) {
        return jdbc.sql("""
                        with chunk as (
                            select id_number from membership where :branch and branch_id = :org and id_number > :after
                            union
                            select id_number from post where org_id = :org and id_number > :after
                            order by id_number
                            limit :limit)
                        select %s, p.deleted_at is not null as deleted,
                               exists (select 1 from post q where q.id_number = p.id_number) as cadre,
                               array(select q.title from post q where q.id_number = p.id_number
                                      order by q.title) as titles,
                               array(select distinct o.province_code
                                       from org_replica.org o
                                      where o.province_code is not null
                                        and o.id in (select m.branch_id from membership m where m.id_number = p.id_number
                                                     union
                                                     select q.org_id from post q where q.id_number = p.id_number))
                                   as provinces
                          from chunk join person p using (id_number)
                         order by p.id_number""".formatted(PERSON_COLUMNS))
                .param("org", orgId).param("branch", branch).param("after", after).param("limit", limit)
                .query((row, n) -> new Candidate(person(row), row.getBoolean("deleted"), row.getBoolean("cadre"),
                        strings(row.getArray("titles")), strings(row.getArray("provinces"))))
                .list();
    }

    public Optional<Person> find(String idNumber) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person p where p.id_number = ? and p.deleted_at is null")
                .param(idNumber).query((row, n) -> person(row)).optional();
    }

    private static Person person(java.sql.ResultSet row) throws SQLException {
        return new Person(
                row.getString("id_number"),
                row.getString("name"),
                row.getObject("birth_date", LocalDate.class),
                Gender.valueOf(row.getString("gender")),
                row.getString("ethnicity"),
                row.getString("political_status"),
                row.getString("education"),
                row.getObject("join_date", LocalDate.class),
                row.getString("development_number"),
                row.getString("mobile"),
                row.getString("email"),
                row.getString("address"),
                row.getString("emergency_contact"),
                row.getString("emergency_phone"),
                row.getBoolean("graduate"),
                row.getBoolean("delayed_graduate"),
                row.getBoolean("teacher"),
                Person.Verification.valueOf(row.getString("verification")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * An org the person is in.
     *
     * @param title the post held there, or null for the membership
     */
    public record OrgPlace(long orgId, String orgName, String provinceCode, String orgPath, String title) {
    }

    /** Where the person is: their branch (or null) and their posts. */
    public record Placement(OrgPlace branch, List<OrgPlace> posts) {

        public List<String> provinceCodes() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(branch), posts.stream())
                    .map(OrgPlace::provinceCode).filter(java.util.Objects::nonNull).distinct().toList();
        }

        public List<String> postTitles() {
            return posts.stream().map(OrgPlace::title).toList();
        }

        /** Where the person's events happened: their branch, else their first post's org. */
        public String orgPath() {
            return branch != null ? branch.orgPath() : posts.isEmpty() ? null : posts.getFirst().orgPath();
        }
    }

    /** A person listed for an org, with what completeness needs to know of them. */
    public record Candidate(Person person, boolean deleted, boolean cadre, List<String> postTitles,
                            List<String> provinceCodes) {
    }
}
