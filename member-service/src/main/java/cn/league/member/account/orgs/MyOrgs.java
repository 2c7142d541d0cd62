package cn.league.member.account.orgs;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 切换其他组织 (R-ADM-8, FAQ 20): the orgs the caller may choose as their active org, i.e. where they hold a post
 * (member-service's own posts) or admin rights (the org tree replica). The choice travels as the
 * {@code X-League-Org} header; see {@code cn.league.support.security.ActiveOrg}.
 */
@Repository
class MyOrgs {

    /** Far above what one person holds; the list stays bounded. */
    static final int LIMIT = 200;

    private final JdbcClient jdbc;

    MyOrgs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MyOrg> of(String idNumber) {
        String person = idNumber.toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        select o.id, o.full_name, o.short_name, o.type,
                               exists (select 1 from org_replica.org_admin a
                                        where a.org_id = o.id and a.id_number = :person) as admin,
                               array(select title from post t
                                      where t.org_id = o.id and t.id_number = :person order by title) as posts
                          from org_replica.org o
                         where o.id in (select org_id from org_replica.org_admin where id_number = :person
                                        union
                                        select org_id from post where id_number = :person)
                         order by o.path
                         limit :limit""")
                .param("person", person)
                .param("limit", LIMIT)
                .query((row, n) -> new MyOrg(row.getLong("id"), row.getString("full_name"),
                        row.getString("short_name"), row.getString("type"), row.getBoolean("admin"),
                        titles(row.getArray("posts"))))
                .list();
    }

    private static List<String> titles(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** One org to switch to, with what the person is there. */
    public record MyOrg(long orgId, String fullName, String shortName, String type, boolean admin, List<String> posts) {
    }
}
