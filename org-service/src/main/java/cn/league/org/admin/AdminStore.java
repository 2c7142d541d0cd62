package cn.league.org.admin;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.org.OrgType;

/** SQL for org_admin, and for the posts org-service keeps in org_post (see {@link cn.league.org.people.People}). */
@Repository
class AdminStore {

    private final JdbcClient jdbc;

    AdminStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isAdmin(long orgId, String idNumber) {
        return jdbc.sql("select exists (select 1 from org_admin where org_id = ? and id_number = ?)")
                .params(orgId, idNumber).query(Boolean.class).single();
    }

    int count(long orgId) {
        return jdbc.sql("select count(*) from org_admin where org_id = ?").param(orgId).query(Integer.class).single();
    }

    void grant(long orgId, String idNumber) {
        jdbc.sql("insert into org_admin (org_id, id_number) values (?, ?)").params(orgId, idNumber).update();
    }

    /** Only the right goes; the person's posts stay (R-ADM-6). */
    void revoke(long orgId, String idNumber) {
        jdbc.sql("delete from org_admin where org_id = ? and id_number = ?").params(orgId, idNumber).update();
    }

    /** The post the person named when registering as admin; member-service confirms it by PostsChanged later. */
    void recordPost(long orgId, String idNumber, String title) {
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, ?) on conflict do nothing")
                .params(orgId, idNumber, title).update();
    }

    /** An org's admins (at most 3, R-ADM-1), with their name where known and their posts there. */
    List<AdminView> admins(long orgId) {
        return jdbc.sql("""
                        select a.id_number, p.name, a.granted_at,
                               array(select title from org_post t
                                     where t.org_id = a.org_id and t.id_number = a.id_number order by title) as posts
                        from org_admin a left join person_profile p on p.id_number = a.id_number
                        where a.org_id = ?
                        order by a.granted_at, a.id_number""")
                .param(orgId)
                .query((row, n) -> new AdminView(row.getString("id_number"), row.getString("name"),
                        titles(row.getArray("posts")), row.getTimestamp("granted_at").toInstant()))
                .list();
    }

    /** R-ADM-8: the orgs where the person is admin or holds a post, top of the tree first. */
    List<MyOrg> orgsOf(String idNumber) {
        return jdbc.sql("""
                        select o.id, o.full_name, o.short_name, o.type,
                               exists (select 1 from org_admin a where a.org_id = o.id and a.id_number = :person) as admin,
                               array(select title from org_post t
                                     where t.org_id = o.id and t.id_number = :person order by title) as posts
                        from org o
                        where o.id in (select org_id from org_admin where id_number = :person
                                       union
                                       select org_id from org_post where id_number = :person)
                        order by o.path""")
                .param("person", idNumber)
                .query((row, n) -> new MyOrg(row.getLong("id"), row.getString("full_name"),
                        row.getString("short_name"), OrgType.valueOf(row.getString("type")),
                        row.getBoolean("admin"), titles(row.getArray("posts"))))
                .list();
    }

    private static List<String> titles(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
