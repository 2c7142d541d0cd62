package cn.league.org.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.ServiceApi;

import static cn.league.org.support.People.BEIJING;
import static cn.league.org.support.People.BEIJING_ADMIN;

/**
 * Calls org-service over HTTP as a given person, with a real (test-issued) Keycloak-shaped token; and builds each
 * test's own small tree of orgs and admins, from the seeded provincial orgs down, so that no test meets another's.
 */
public final class OrgApi extends ServiceApi {

    private final JdbcClient jdbc;

    public OrgApi(int port, JdbcClient jdbc) {
        super(port);
        this.jdbc = jdbc;
    }

    /** Makes the person an admin of the org directly in the table, as a fixture. */
    public void makeAdmin(String idNumber, long orgId) {
        jdbc.sql("insert into org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase()).update();
    }

    public boolean isAdmin(String idNumber, long orgId) {
        return jdbc.sql("select exists (select 1 from org_admin where org_id = ? and id_number = ?)")
                .params(orgId, idNumber.toUpperCase()).query(Boolean.class).single();
    }

    /** A cadre post, as member-service's PostsChanged would leave it, and the person's name; as a fixture. */
    public void makeCadre(String idNumber, long orgId, String title, String name) {
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase(), title).update();
        jdbc.sql("""
                        insert into person_profile (id_number, name, has_mobile) values (?, ?, true)
                        on conflict (id_number) do update set name = excluded.name""")
                .params(idNumber.toUpperCase(), name).update();
    }

    /**
     * A new 团区委 under 团北京市委, created by {@code BEIJING_ADMIN} (made admin of 团北京市委 first), with this
     * person as its admin.
     */
    public long createDistrict(String name, String admin) {
        makeAdmin(BEIJING_ADMIN, BEIJING);
        long district = createChild(BEIJING_ADMIN, BEIJING, "LEADING_BODY", "PARTY_AND_GOVERNMENT", name);
        makeAdmin(admin, district);
        return district;
    }

    /** Creates a child org and returns its id; fails the test when refused. */
    public long createChild(String as, long parentId, String type, String domain, String name) {
        return createChild(as, parentId, type, domain, null, null, name);
    }

    public long createChild(String as, long parentId, String type, String domain, String schoolLevel,
                            String branchKind, String name) {
        Response created = post(as, "/api/orgs/" + parentId + "/children", """
                {"type":"%s","domain":"%s","schoolLevel":%s,"branchKind":%s,"fullName":"%s","shortName":"%s"}"""
                .formatted(type, domain, quoted(schoolLevel), quoted(branchKind), name, name));
        if (created.status() != 201) {
            throw new AssertionError("creating " + name + " failed: " + created.status() + " " + created.body());
        }
        return created.json().path("id").asLong();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
