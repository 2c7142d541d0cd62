package cn.league.org.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for admin_code. */
@Repository
class AdminCodeStore {

    private static final RowMapper<StoredAdminCode> CODE = (row, n) -> new StoredAdminCode(
            row.getString("code_hash"), row.getLong("org_id"), instant(row.getTimestamp("expires_at")),
            instant(row.getTimestamp("used_at")), instant(row.getTimestamp("replaced_at")));

    private final JdbcClient jdbc;

    AdminCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAdminCode> find(String hash) {
        return jdbc.sql("select * from admin_code where code_hash = ?").param(hash).query(CODE).optional();
    }

    /** The same, locked: two people typing one code at once cannot both use it. */
    Optional<StoredAdminCode> lock(String hash) {
        return jdbc.sql("select * from admin_code where code_hash = ? for update").param(hash).query(CODE).optional();
    }

    /** The direct children of an org, locked so that no other issuance for them runs meanwhile. */
    List<ChildOrg> lockChildren(long parentId) {
        return jdbc.sql("select id, full_name, short_name from org where parent_id = ? order by id for update")
                .param(parentId)
                .query((row, n) -> new ChildOrg(row.getLong("id"), row.getString("full_name"),
                        row.getString("short_name")))
                .list();
    }

    /** Stores new codes, each replacing its org's unused older one. */
    void issue(List<Long> orgIds, List<String> hashes, String issuedBy, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        update admin_code set replaced_at = ?
                        where org_id = any (?) and used_at is null and replaced_at is null""")
                .params(Timestamp.from(issuedAt), orgIds.toArray(Long[]::new))
                .update();
        for (int i = 0; i < orgIds.size(); i++) {
            jdbc.sql("""
                            insert into admin_code (code_hash, org_id, issued_by, issued_at, expires_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(hashes.get(i), orgIds.get(i), issuedBy, Timestamp.from(issuedAt),
                            Timestamp.from(expiresAt))
                    .update();
        }
    }

    void markUsed(String hash, String usedBy, Instant usedAt) {
        jdbc.sql("update admin_code set used_by = ?, used_at = ? where code_hash = ?")
                .params(usedBy, Timestamp.from(usedAt), hash).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record ChildOrg(long id, String fullName, String shortName) {
    }
}
