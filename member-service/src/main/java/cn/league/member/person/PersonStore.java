package cn.league.member.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.member.idnumber.Gender;

/** SQL for the person table. */
@Repository
public class PersonStore {

    static final String COLUMNS = """
            id_number, name, birth_date, gender, ethnicity, political_status, education, join_date,
            development_number, mobile, email, address, emergency_contact, emergency_phone, graduate,
            delayed_graduate, teacher, verification""";

    private static final RowMapper<Person> PERSON = PersonStore::person;

    private final JdbcClient jdbc;

    public PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person who has not been deleted. */
    public Optional<Person> find(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from person where id_number = ? and deleted_at is null")
                .param(idNumber).query(PERSON).optional();
    }

    /** Whether the ID number is in the system at all, deleted people included (R-AUTH-5). */
    public boolean exists(String idNumber) {
        return jdbc.sql("select exists (select 1 from person where id_number = ?)").param(idNumber)
                .query(Boolean.class).single();
    }

    public boolean developmentNumberTakenByOther(String developmentNumber, String idNumber) {
        return jdbc.sql("select exists (select 1 from person where development_number = ? and id_number <> ?)")
                .params(developmentNumber, idNumber).query(Boolean.class).single();
    }

    public void insert(Person person) {
        jdbc.sql("""
                        insert into person (id_number, name, birth_date, gender, ethnicity, political_status, education,
                                            join_date, development_number, mobile, email, address, emergency_contact,
                                            emergency_phone, graduate, delayed_graduate, teacher, verification)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(person.idNumber(), person.name(), person.birthDate(), person.gender().name(),
                        person.ethnicity(), person.politicalStatus(), person.education(), person.joinDate(),
                        person.developmentNumber(), person.mobile(), person.email(), person.address(),
                        person.emergencyContact(), person.emergencyPhone(), person.graduate(),
                        person.delayedGraduate(), person.teacher(), person.verification().name())
                .update();
    }

    private static Person person(ResultSet row, int rowNumber) throws SQLException {
        return new Person(
                row.getString("id_number"),
                row.getString("name"),
                row.getObject("birth_date", java.time.LocalDate.class),
                Gender.valueOf(row.getString("gender")),
                row.getString("ethnicity"),
                row.getString("political_status"),
                row.getString("education"),
                row.getObject("join_date", java.time.LocalDate.class),
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
}
