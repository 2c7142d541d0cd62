package cn.league.member.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.member.account.signup.NewAccountRule;

/**
 * Indexed reads by primary key: Keycloak asks on every login step, so it must stay this cheap. A person of the system
 * answers first; someone who registered themself and is no person yet (R-AUTH-4) answers from their account.
 */
@Repository
class AccountStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountStore(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Keycloak lower-cases login names: an ID ending in X arrives as x, and is kept upper-case here. */
    Account find(String idNumber) {
        String canonical = idNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        select name, deleted_at is not null as deleted, 0 as precedence from person where id_number = :id
                        union all
                        select name, false, 1 from member_account
                         where id_number = :id and (confirmed_at is not null or created_at > :unfinishedCutoff)
                        order by precedence limit 1""")
                .param("id", canonical)
                .param("unfinishedCutoff", Timestamp.from(NewAccountRule.unfinishedNoLaterThan(clock.instant())))
                .query((row, n) -> row.getBoolean("deleted") ? Account.deleted(canonical)
                        : Account.active(canonical, row.getString("name")))
                .optional()
                .orElseGet(() -> Account.unknown(canonical));
    }
}
