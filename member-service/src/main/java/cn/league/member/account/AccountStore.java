package cn.league.member.account;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One indexed read by primary key: Keycloak asks on every login step, so it must stay this cheap. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keycloak lower-cases login names: an ID ending in X arrives as x, and is kept upper-case here. */
    Account find(String idNumber) {
        String canonical = idNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("select name, deleted_at is not null as deleted from person where id_number = ?")
                .param(canonical)
                .query((row, n) -> row.getBoolean("deleted") ? Account.deleted(canonical)
                        : Account.active(canonical, row.getString("name")))
                .optional()
                .orElseGet(() -> Account.unknown(canonical));
    }
}
