package cn.league.member.search;
import cn.league.member.person.Person;
import cn.league.support.security.ActiveOrg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the search. A person is in a subtree when their membership or one of their posts is: both tables keep
 * the org's path and the person's name beside the row, indexed as ({@code org_path text_pattern_ops, name}), so
 * "everyone below X" is a range on that index ({@code ~>=~ 'X.'} and {@code ~<~ 'X/'}: paths hold digits and dots,
 * '/' follows '.'). Ranges rather than {@code LIKE ?} so that a reused generic plan still uses the index.
 */
@Repository
class MemberSearchStore {

    private static final String HIT_COLUMNS = "p.search_key, p.name, p.id_number, p.political_status, p.verification";
    private static final String NAME_ORDER = "order by p.name collate \"C\", p.search_key";

    private final JdbcClient jdbc;

    MemberSearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where to look: the subtrees (org paths), or only the caller. */
    record Where(List<String> subtrees, String self) {

        static Where onlySelf(String caller) {
            return new Where(List.of(), caller);
        }

        boolean nothing() {
            return subtrees.isEmpty() && self == null;
        }
    }

    record Hit(long searchKey, String name, String idNumber, String politicalStatus, Person.Verification verification) {
    }

    /** An org the person is in (membership or post), its parent and path. */
    record PersonOrg(String idNumber, long orgId, Long parentId, String path, String fullName, boolean member,
                     String title) {
    }

    record Profile(String idNumber, String name, LocalDate birthDate, String gender, String ethnicity,
                   String politicalStatus, String education, LocalDate joinDate, String developmentNumber,
                   String mobile, boolean graduate, String verification) {
    }

    record AdministeredOrg(long orgId, String path) {
    }

    List<AdministeredOrg> administeredBy(String idNumber) {
        return jdbc.sql("""
                        select a.org_id, o.path from org_replica.org_admin a
                          join org_replica.org o on o.id = a.org_id
                         where a.id_number = ? and (? = 0 or a.org_id = ?)""")
                .params(idNumber, ActiveOrg.current().orElse(0L), ActiveOrg.current().orElse(0L))
                .query((row, n) -> new AdministeredOrg(row.getLong(1), row.getString(2))).list();
    }

    /** The provincial-level orgs of a province (its GB/T 2260 code): every org of the province lies below one. */
    List<String> provincialLevelPaths(String provinceCode) {
        return jdbc.sql("select path from org_replica.org where id = tree_root_id and province_code = ?")
                .param(provinceCode).query(String.class).list();
    }

    Optional<String> orgPath(long orgId) {
        return jdbc.sql("select path from org_replica.org where id = ?").param(orgId).query(String.class).optional();
    }

    Optional<Hit> byIdNumber(String idNumber, Where where) {
        if (where.nothing()) {
            return Optional.empty();
        }
        var sql = new StringBuilder("select " + HIT_COLUMNS + " from person p where p.id_number = :id"
                + " and p.deleted_at is null and ");
        var query = new Params();
        query.put("id", idNumber);
        sql.append(inScope(where, query));
        return query.bind(jdbc.sql(sql.toString())).query(MemberSearchStore::hit).optional();
    }

    /**
     * One page of the people whose name matches, in name order. Membership and posts are searched in two
     * branches, each ordered and limited on its own; the union merges them. Each branch reads the matches one of two
     * ways. It walks the name index in order and keeps the hits in scope until the page is full — cheap while the
     * scope holds a large share of the name's hits; or it picks the subtree's rows whose name matches from the
     * (path, name) index of membership or post — cheap while the subtree holds few of them. Memberships are walked
     * for a national or provincial committee's scope and picked below it (a city, a county, a branch); posts, held
     * by a few percent of people, are walked for 团中央 only, since in one province the walk would pass dozens of
     * members for each cadre it keeps. The store chooses, not PostgreSQL: given both name tests it multiplies their
     * selectivities as if independent and then picks from the (path, name) index even where walking is several
     * times cheaper.
     */
    List<Hit> byName(NameQuery name, Where where, SearchCursor after, int limit) {
        if (where.nothing()) {
            return List.of();
        }
        var query = new Params();
        if (name.anywhere()) {
            query.put("pattern", name.pattern());
        } else {
            query.put("from", name.text());
            query.put("until", name.prefixEnd());
        }
        String page = "";
        if (after != null) {
            page = " and (p.name collate \"C\", p.search_key) > (cast(:afterName as text) collate \"C\", :afterKey)";
            query.put("afterName", after.name());
            query.put("afterKey", after.searchKey());
        }
        query.put("limit", limit);
        List<String> branches = new ArrayList<>();
        if (where.self() != null) {
            query.put("self", where.self());
            branches.add("select " + HIT_COLUMNS + " from person p where " + nameMatch("p", name)
                    + " and p.deleted_at is null" + page + " and p.id_number = :self");
        } else {
            boolean pickMemberships = where.subtrees().stream().allMatch(path -> depth(path) > 2);
            boolean pickPosts = where.subtrees().stream().allMatch(path -> depth(path) > 1);
            branches.add("select " + HIT_COLUMNS + " from person p join membership m on m.id_number = p.id_number "
                    + "where " + nameMatch(pickMemberships ? "m" : "p", name) + " and p.deleted_at is null" + page
                    + " and " + subtreeRanges("m", where, query) + " " + NAME_ORDER + " limit :limit");
            branches.add("select " + HIT_COLUMNS + " from person p where "
                    + (pickPosts ? "" : nameMatch("p", name) + " and ") + "p.deleted_at is null" + page
                    + " and exists (select 1 from post t where t.id_number = p.id_number and "
                    + (pickPosts ? nameMatch("t", name) + " and " : "") + subtreeRanges("t", where, query) + ") "
                    + NAME_ORDER + " limit :limit");
        }
        String sql = "select * from ((" + String.join(") union (", branches) + ")) p " + NAME_ORDER + " limit :limit";
        return query.bind(jdbc.sql(sql)).query(MemberSearchStore::hit).list();
    }

    /** The level of an org by its path: 团中央 ("1") is 1, a provincial-level committee ("1.11") 2. */
    private static long depth(String path) {
        return path.chars().filter(c -> c == '.').count() + 1;
    }

    /** The name test on a table's name column: a prefix is a range in code point order, as the indexes have it. */
    private static String nameMatch(String alias, NameQuery name) {
        return name.anywhere() ? alias + ".name like :pattern"
                : "%1$s.name collate \"C\" >= :from and %1$s.name collate \"C\" < :until".formatted(alias);
    }

    Optional<Hit> byDevelopmentNumber(String developmentNumber, Where where) {
        if (where.nothing()) {
            return Optional.empty();
        }
        var query = new Params();
        query.put("number", developmentNumber);
        return query.bind(jdbc.sql("select " + HIT_COLUMNS + " from person p where p.development_number = :number"
                        + " and p.deleted_at is null and " + inScope(where, query)))
                .query(MemberSearchStore::hit).optional();
    }

    /** The orgs of these people: membership branch and post orgs, with parent and path from the replica. */
    List<PersonOrg> orgsOf(List<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select x.id_number, x.org_id, o.parent_id, coalesce(o.path, x.org_path) as path, o.full_name,
                               x.member, x.title
                          from (select id_number, branch_id as org_id, org_path, true as member, null as title
                                  from membership where id_number in (:ids)
                                union all
                                select id_number, org_id, org_path, false, title
                                  from post where id_number in (:ids)) x
                          left join org_replica.org o on o.id = x.org_id
                         order by x.id_number, x.member desc, x.org_id, x.title""")
                .param("ids", idNumbers)
                .query((row, n) -> new PersonOrg(row.getString("id_number"), row.getLong("org_id"),
                        row.getObject("parent_id", Long.class), row.getString("path"), row.getString("full_name"),
                        row.getBoolean("member"), row.getString("title")))
                .list();
    }

    Optional<OffsetDateTime> memberSince(String idNumber) {
        return jdbc.sql("select since from membership where id_number = ?").param(idNumber)
                .query((row, n) -> row.getObject(1, OffsetDateTime.class)).optional();
    }

    Profile profile(String idNumber) {
        return jdbc.sql("""
                        select id_number, name, birth_date, gender, ethnicity, political_status, education, join_date,
                               development_number, mobile, graduate, verification
                          from person where id_number = ?""")
                .param(idNumber)
                .query((row, n) -> new Profile(row.getString("id_number"), row.getString("name"),
                        row.getObject("birth_date", LocalDate.class), row.getString("gender"),
                        row.getString("ethnicity"), row.getString("political_status"), row.getString("education"),
                        row.getObject("join_date", LocalDate.class), row.getString("development_number"),
                        row.getString("mobile"), row.getBoolean("graduate"), row.getString("verification")))
                .single();
    }

    /** The person is the caller, or has a membership or post in one of the subtrees. */
    private static String inScope(Where where, Params query) {
        if (where.self() != null) {
            query.put("self", where.self());
            return "p.id_number = :self";
        }
        return "(exists (select 1 from membership m where m.id_number = p.id_number and "
                + subtreeRanges("m", where, query) + ")"
                + " or exists (select 1 from post t where t.id_number = p.id_number and "
                + subtreeRanges("t", where, query) + "))";
    }

    private static String subtreeRanges(String alias, Where where, Params query) {
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < where.subtrees().size(); i++) {
            String path = where.subtrees().get(i);
            query.put("root" + i, path);
            query.put("below" + i, path + ".");
            query.put("beyond" + i, path + "/");
            ranges.add("%1$s.org_path = :root%2$d or (%1$s.org_path ~>=~ :below%2$d and %1$s.org_path ~<~ :beyond%2$d)"
                    .formatted(alias, i));
        }
        return "(" + String.join(" or ", ranges) + ")";
    }

    private static Hit hit(ResultSet row, int n) throws SQLException {
        return new Hit(row.getLong("search_key"), row.getString("name"), row.getString("id_number"),
                row.getString("political_status"), Person.Verification.valueOf(row.getString("verification")));
    }

    /** Named parameters collected while the SQL is put together. */
    private static final class Params {

        private final Map<String, Object> values = new LinkedHashMap<>();

        void put(String name, Object value) {
            values.put(name, value);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            values.forEach(statement::param);
            return statement;
        }
    }
}
