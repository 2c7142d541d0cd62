package cn.league.org.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grows a national-shape tree in org-service's own {@code org} table by SQL, one statement per level
 * ({@code insert … select … generate_series}), under the provincial-level orgs seeded by V1__org_tree.sql:
 * <pre>
 * 团中央 (1)                                   depth 1
 *   31 provincial committees + 兵团 (2..33)     depth 2
 *     cities          8..20 per province       depth 3  LEADING_BODY
 *       counties      3..12 per city           depth 4  LEADING_BODY
 *         townships, schools, enterprises, communities, institutions
 *                     8..32 per county         depth 5  COMMITTEE
 *           committees     0..3 each           depth 6  COMMITTEE
 *             general branches 1..3 each       depth 7  GENERAL_BRANCH
 *               branches   1..6 each           depth 8  BRANCH
 * </pre>
 * Fan-outs vary by a hash of the parent's id, so the same tree comes out on every run. On top of that: a few
 * very wide nodes (非公企业团工委 with thousands of branches directly under them) and three universities of
 * 10,041 orgs each (40 colleges × 25 general branches × 9 branches), to be moved by the migration benchmark.
 */
final class NationalTree {

    /** The wide work committees: provincial-level org they sit in (under its first county) and their width. */
    static final long[][] WIDE = {{20, 8000}, {11, 5000}, {12, 3000}, {16, 2000}, {17, 1500}};
    /** 团江苏省委: holds the universities that migrate. */
    static final long MIGRATION_PROVINCE = 11;
    static final int UNIVERSITIES = 3;
    static final int UNIVERSITY_SIZE = 1 + 40 + 40 * 25 + 40 * 25 * 9;

    private static final String DOMAINS = """
            (array['RURAL', 'RURAL', 'RURAL', 'SCHOOL', 'SCHOOL', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE',
                   'PRIVATE_ENTERPRISE', 'URBAN_COMMUNITY', 'PUBLIC_INSTITUTION'])[1 + abs(hashint8(id + 7)) % 10]""";
    private static final String SCHOOL_LEVELS = """
            (array['UNIVERSITY', 'VOCATIONAL', 'SENIOR_HIGH', 'JUNIOR_HIGH', 'PRIMARY'])[1 + abs(hashint8(id + 3)) % 5]""";

    private final JdbcClient jdbc;
    /** Seconds per step, in order. */
    final Map<String, Double> timings = new LinkedHashMap<>();
    final List<Long> wideNodes = new ArrayList<>();
    final List<Long> universities = new ArrayList<>();
    long oldCounty;
    long newCounty;

    NationalTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void generate() {
        level("cities (depth 3)", 2, 8, 13, "LEADING_BODY", "'PARTY_AND_GOVERNMENT'", "'团' || id || '市委'");
        level("counties (depth 4)", 3, 3, 10, "LEADING_BODY", "'PARTY_AND_GOVERNMENT'", "'团' || id || '县委'");
        level("townships/schools/enterprises (depth 5)", 4, 8, 25, "COMMITTEE", DOMAINS, """
                (case domain when 'RURAL' then '乡镇' when 'SCHOOL' then '学校' when 'URBAN_COMMUNITY' then '街道'
                             when 'PUBLIC_INSTITUTION' then '事业单位' else '企业' end) || id || '团委'""");
        level("committees (depth 6)", 5, 0, 4, "COMMITTEE", "parent_domain", "'第' || id || '团委'");
        level("general branches (depth 7)", 6, 1, 3, "GENERAL_BRANCH", "parent_domain", "'第' || id || '团总支'");
        level("branches (depth 8)", 7, 1, 6, "BRANCH", "parent_domain", "'第' || id || '团支部'");
        timed("wide work committees", this::wideNodes);
        timed("universities to migrate", this::universities);
        timed("vacuum analyze", () -> jdbc.sql("vacuum (analyze) org").update());
    }

    /** Every org at {@code parentDepth} under the 32 provincial-level committees gets min..min+spread-1 children. */
    private void level(String step, int parentDepth, int min, int spread, String type, String domain, String name) {
        timed(step, () -> grow("nlevel(p.path) = " + parentDepth + " and p.tree_root_id between 2 and 33",
                min, spread, type, domain, name));
    }

    private void wideNodes() {
        for (long[] wide : WIDE) {
            long county = firstCounty(wide[0], 0);
            grow("p.id = " + county, 1, 1, "WORK_COMMITTEE", "'PRIVATE_ENTERPRISE'", "'非公企业' || id || '团工委'");
            long committee = lastChildOf(county);
            grow("p.id = " + committee, (int) wide[1], 1, "BRANCH", "parent_domain", "'非公企业第' || id || '团支部'");
            wideNodes.add(committee);
        }
    }

    private void universities() {
        oldCounty = firstCounty(MIGRATION_PROVINCE, 0);
        newCounty = firstCounty(MIGRATION_PROVINCE, 1);
        for (int i = 0; i < UNIVERSITIES; i++) {
            grow("p.id = " + oldCounty, 1, 1, "COMMITTEE", "'SCHOOL'", "'某大学' || id || '团委'");
            long university = lastChildOf(oldCounty);
            String below = "p.path <@ (select path from org where id = " + university + ") and nlevel(p.path) = ";
            int depth = jdbc.sql("select nlevel(path) from org where id = ?").param(university)
                    .query(Integer.class).single();
            grow("p.id = " + university, 40, 1, "COMMITTEE", "parent_domain", "'学院' || id || '团委'");
            grow(below + (depth + 1), 25, 1, "GENERAL_BRANCH", "parent_domain", "'年级' || id || '团总支'");
            grow(below + (depth + 2), 9, 1, "BRANCH", "parent_domain", "'班级' || id || '团支部'");
            universities.add(university);
        }
    }

    /**
     * One statement: each parent matching {@code parentFilter} (over alias {@code p}) gets
     * {@code min + hash(parent id) % spread} children with ids from org_id_seq and paths under its own.
     */
    private void grow(String parentFilter, int min, int spread, String type, String domain, String name) {
        jdbc.sql("""
                insert into org (id, parent_id, path, type, domain, school_level, full_name, short_name,
                                 province_code, tree_root_id)
                select id, parent_id, parent_path || id::text, '%s', domain,
                       case when domain = 'SCHOOL' then coalesce(parent_school_level, %s) end,
                       %s, %s, province_code, tree_root_id
                  from (select s.*, %s as domain
                          from (select nextval('org_id_seq') as id, p.id as parent_id, p.path as parent_path,
                                       p.domain as parent_domain, p.school_level as parent_school_level,
                                       p.province_code, p.tree_root_id
                                  from org p
                                 cross join lateral generate_series(1, %d + abs(hashint8(p.id)) %% %d) g
                                 where %s) s) d"""
                        .formatted(type, SCHOOL_LEVELS, name, name, domain, min, spread, parentFilter))
                .update();
    }

    /** The n-th county (by id) of a provincial-level org: its first city's children. */
    private long firstCounty(long province, int n) {
        return jdbc.sql("""
                        select c.id from org c
                         where c.parent_id = (select min(id) from org where parent_id = ?)
                         order by c.id offset ? limit 1""")
                .params(province, n).query(Long.class).single();
    }

    private long lastChildOf(long parent) {
        return jdbc.sql("select max(id) from org where parent_id = ?").param(parent).query(Long.class).single();
    }

    private void timed(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        timings.put(step, (System.nanoTime() - start) / 1e9);
    }
}
