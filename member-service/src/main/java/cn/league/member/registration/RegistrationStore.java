package cn.league.member.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.member.membership.NewPerson;
import cn.league.member.registration.Registration.State;

/** SQL for self-registrations. */
@Repository
class RegistrationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, id_number, org_id, org_path, kind, post_title, profile::text as profile, state, requested_at,
            closed_at, closed_by, reason""";

    private final JdbcClient jdbc;

    RegistrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a pending request; a second pending one of the same person violates {@code registration_one_pending}. */
    long insert(String idNumber, long orgId, String orgPath, RegistrationKind kind, String postTitle,
                NewPerson profile, Instant requestedAt) {
        return jdbc.sql("""
                        insert into registration (id_number, org_id, org_path, kind, post_title, profile, requested_at)
                        values (:idNumber, :orgId, :orgPath, :kind, :postTitle, cast(:profile as jsonb), :requestedAt)
                        returning id""")
                .param("idNumber", idNumber).param("orgId", orgId).param("orgPath", orgPath)
                .param("kind", kind.name())
                .param("postTitle", postTitle, Types.VARCHAR)
                .param("profile", JSON.writeValueAsString(profile))
                .param("requestedAt", Timestamp.from(requestedAt))
                .query(Long.class).single();
    }

    boolean hasPending(String idNumber) {
        return jdbc.sql("select exists (select 1 from registration where id_number = ? and state = 'PENDING')")
                .param(idNumber).query(Boolean.class).single();
    }

    Optional<Registration> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from registration where id = ?").param(id)
                .query(RegistrationStore::registration).optional();
    }

    /** The request, locked until the deciding transaction ends, so two decisions cannot both pass. */
    Optional<Registration> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from registration where id = ? for update").param(id)
                .query(RegistrationStore::registration).optional();
    }

    void close(long id, State state, Instant closedAt, String closedBy, String reason) {
        jdbc.sql("""
                        update registration set state = :state, closed_at = :closedAt, closed_by = :closedBy,
                                                reason = :reason
                         where id = :id and state = 'PENDING'""")
                .param("state", state.name()).param("closedAt", Timestamp.from(closedAt))
                .param("closedBy", closedBy, Types.VARCHAR).param("reason", reason, Types.VARCHAR).param("id", id)
                .update();
    }

    /** Pending requests into the org at {@code orgPath} and the orgs below it, oldest first, after id {@code after}. */
    List<Registration> pendingUnder(String orgPath, long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from registration
                        where state = 'PENDING' and (org_path = :path or org_path like :below) and id > :after
                        order by id limit :limit""")
                .param("path", orgPath).param("below", orgPath + ".%").param("after", after).param("limit", limit)
                .query(RegistrationStore::registration).list();
    }

    /** The person's own requests, newest first, before id {@code before}. */
    List<Registration> mine(String idNumber, long before, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from registration where id_number = ? and id < ? order by id desc limit ?""")
                .params(idNumber, before, limit)
                .query(RegistrationStore::registration).list();
    }

    /** Marks up to {@code limit} pending requests made at or before {@code cutoff} as expired; returns them. */
    List<Registration> expire(Instant cutoff, Instant now, int limit) {
        return jdbc.sql("""
                        update registration set state = 'EXPIRED', closed_at = :now
                         where id in (select id from registration
                                       where state = 'PENDING' and requested_at <= :cutoff
                                       order by id limit :limit for update skip locked)
                        returning""" + " " + COLUMNS)
                .param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query(RegistrationStore::registration).list();
    }

    private static Registration registration(ResultSet row, int rowNumber) throws SQLException {
        Timestamp closedAt = row.getTimestamp("closed_at");
        return new Registration(
                row.getLong("id"),
                row.getString("id_number"),
                row.getLong("org_id"),
                row.getString("org_path"),
                RegistrationKind.valueOf(row.getString("kind")),
                row.getString("post_title"),
                JSON.readValue(row.getString("profile"), NewPerson.class),
                State.valueOf(row.getString("state")),
                row.getTimestamp("requested_at").toInstant(),
                closedAt == null ? null : closedAt.toInstant(),
                row.getString("closed_by"),
                row.getString("reason"));
    }
}
