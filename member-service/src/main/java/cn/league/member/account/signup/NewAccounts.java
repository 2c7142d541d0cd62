package cn.league.member.account.signup;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the accounts of self-registrations ({@code member_account}). Each statement commits on its own. */
@Repository
class NewAccounts {

    private final JdbcClient jdbc;

    NewAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the ID number for a new, unfinished account. False when it is taken (R-AUTH-5): a person of the system
     * (deleted ones too), a finished account, or an unfinished one that still counts ({@link NewAccountRule}); an
     * unfinished one that no longer counts is taken over.
     */
    boolean claim(String idNumber, String name, String mobile, Instant now) {
        return jdbc.sql("""
                        insert into member_account (id_number, name, mobile, created_at)
                        select cast(:idNumber as text), cast(:name as text), cast(:mobile as text), cast(:now as timestamptz)
                         where not exists (select 1 from person where id_number = :idNumber)
                        on conflict (id_number) do update
                           set name = excluded.name, mobile = excluded.mobile, created_at = excluded.created_at
                         where member_account.confirmed_at is null and member_account.created_at <= :cutoff
                        returning id_number""")
                .param("idNumber", idNumber).param("name", name).param("mobile", mobile)
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(NewAccountRule.unfinishedNoLaterThan(now)))
                .query(String.class).optional().isPresent();
    }

    /** Keycloak holds the password: the account is finished. */
    void confirm(String idNumber, Instant now) {
        jdbc.sql("update member_account set confirmed_at = ? where id_number = ? and confirmed_at is null")
                .params(Timestamp.from(now), idNumber).update();
    }

    /** A sign-up that failed gives its unfinished account up; Keycloak drops the login at its next lookup. */
    void release(String idNumber) {
        jdbc.sql("delete from member_account where id_number = ? and confirmed_at is null").param(idNumber).update();
    }
}
