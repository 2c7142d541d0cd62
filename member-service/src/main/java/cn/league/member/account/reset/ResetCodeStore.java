package cn.league.member.account.reset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.member.account.reset.ResetCodeRule.StoredResetCode;

/** SQL for reset_code: one row per person, the latest code. */
@Repository
class ResetCodeStore {

    private final JdbcClient jdbc;

    ResetCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new code replaces whatever the person had, used or not. */
    void issue(String idNumber, String codeHash, String issuedBy, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into reset_code (id_number, code_hash, issued_by, issued_at, expires_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (id_number) do update set code_hash = excluded.code_hash,
                            issued_by = excluded.issued_by, issued_at = excluded.issued_at,
                            expires_at = excluded.expires_at, used_at = null""")
                .params(idNumber, codeHash, issuedBy, Timestamp.from(issuedAt), Timestamp.from(expiresAt))
                .update();
    }

    /** Locked until the transaction ends, so two uses of one code cannot both pass. */
    Optional<StoredResetCode> lock(String idNumber) {
        return jdbc.sql("select code_hash, expires_at, used_at from reset_code where id_number = ? for update")
                .param(idNumber)
                .query((row, n) -> new StoredResetCode(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant()))
                .optional();
    }

    void markUsed(String idNumber, Instant usedAt) {
        jdbc.sql("update reset_code set used_at = ? where id_number = ?").params(Timestamp.from(usedAt), idNumber)
                .update();
    }
}
