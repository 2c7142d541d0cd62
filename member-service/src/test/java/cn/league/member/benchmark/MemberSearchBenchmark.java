package cn.league.member.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.BareRoundTrip;
import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;
import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-SRCH-1 at scale: generates 1,000,000 people by SQL in 49,600 branches of a tree of 31 provinces → 10 cities
 * → 8 counties → 4 committees → 5 branches, with branch and committee secretaries, then measures over real HTTP
 * with test tokens of admins at different levels and prints p50/p95 — search by ID (goal p95 &lt; 10 ms), by name
 * within a province (goal p95 &lt; 100 ms) and a branch's member page (goal p95 &lt; 20 ms), each recorded as a
 * {@link BenchFigure} against a bare HTTP round trip on the same port. No timed assertion. {@code -Dbenchmark.people}
 * changes the number of people. Runs only in the benchmark profile:
 * {@code ./mvnw -B -pl member-service -am -Pbenchmark verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "league.database=league_member_benchmark")
@Tag("benchmark")
class MemberSearchBenchmark {

    static final int PEOPLE = Integer.getInteger("benchmark.people", 1_000_000);
    static final int PROVINCES = 31;
    static final int BRANCHES_PER_PROVINCE = 1_600; // 10 cities × 8 counties × 4 committees × 5 branches
    static final int SAMPLES = 400;
    static final int WARM_UP = 100;
    static final int SERVICE_WARM_UP = 3_000;

    static final String[] PROVINCE_CODES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
            "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65"};
    /** Common surnames, most frequent first (a skewed pick makes 王, 李, 张, 刘, 陈 dominate, as in life). */
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁"
            + "婷雪琳晨欣怡佳子涵梓轩浩然一诺雨萱思彤嘉怡梦瑶子墨博文天佑昊天晓东建国志强海燕春梅秋菊文博晓明雅琴";

    static final String NATIONAL_ADMIN = "110105196001010011";
    static final String PROVINCE_ADMIN = "110105197001010013";
    static final String COUNTY_ADMIN = "110105198001010015";
    static final String BRANCH_ADMIN = "110105199001010017";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    double bareRoundTrip;

    @Test
    @DisplayName("R-SRCH-1 search by ID, by name within a province and a branch's member page at 1,000,000 people")
    void measure() {
        long started = System.nanoTime();
        generate();
        double generated = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n=== member search benchmark ===%n");
        machine();
        System.out.printf("generation: %,d people, %,d orgs, %,d posts in %.1f s (SQL, incl. ANALYZE)%n",
                count("person"), count("org_replica.org"), count("post"), generated);
        sizes();

        String provincePath = "1.1000";
        String countyPath = jdbc.sql("select path from org_replica.org where id = 1000000").query(String.class).single();
        long ownBranch = 100_000_000L;
        List<String> provinceIds = sample("select id_number from membership where org_path ~>=~ '" + provincePath
                + ".' and org_path ~<~ '" + provincePath + "/' order by random() limit " + SAMPLES);
        List<String> anyIds = sample("select id_number from person tablesample system (1) limit " + SAMPLES);
        List<String[]> provinceNames = jdbc.sql("""
                        select p.name, o.province_code from person p tablesample system (1)
                          join membership m using (id_number) join org_replica.org o on o.id = m.branch_id
                         limit ?""").param(SAMPLES)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)}).list();
        List<String> names11 = sample("select p.name from membership m join person p using (id_number) where "
                + "m.org_path ~>=~ '1.1000.' and m.org_path ~<~ '1.1000/' order by random() limit " + SAMPLES);
        List<Long> countyBranches = jdbc.sql("select id from org_replica.org where type = 'BRANCH' and path ~>=~ ? "
                + "and path ~<~ ?").params(countyPath + ".", countyPath + "/").query(Long.class).list();
        List<Long> anyBranches = jdbc.sql("select id from org_replica.org where type = 'BRANCH' order by random() "
                + "limit ?").param(SAMPLES).query(Long.class).list();

        // a freshly started service answers its first thousands of calls before the JIT has compiled their path:
        // warm the search once (not counted) so the table shows the service as it runs, not as it starts
        String warmUp = TestTokens.get().accessToken(NATIONAL_ADMIN);
        for (int i = 0; i < SERVICE_WARM_UP; i++) {
            call(warmUp, "/api/members/search?idNumber=" + anyIds.get(i % anyIds.size()));
        }
        bareRoundTrip = BareRoundTrip.httpMillis(port, 0.95, 2_000);
        System.out.printf("%-72s %8s %8s %8s %8s  %s%n", "scenario (sequential HTTP, " + SAMPLES + " calls)", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "goal p95");
        run("by_id.province", "by ID, province admin, people of the province", PROVINCE_ADMIN,
                i -> "/api/members/search?idNumber=" + provinceIds.get(i % provinceIds.size()), 10);
        run("by_id.national", "by ID, national admin (团中央), anyone", NATIONAL_ADMIN,
                i -> "/api/members/search?idNumber=" + anyIds.get(i % anyIds.size()).toLowerCase(), 10);
        run("by_name.province", "by name, province admin (scope = the province)", PROVINCE_ADMIN,
                i -> "/api/members/search?name=" + enc(names11.get(i % names11.size())), 100);
        run("by_name.national_with_province", "by name + province=, national admin", NATIONAL_ADMIN, i -> {
            String[] pick = provinceNames.get(i % provinceNames.size());
            return "/api/members/search?name=" + enc(pick[0]) + "&province=" + pick[1];
        }, 100);
        run("by_surname.national_with_province",
                "by surname only + province=, national admin (many hits, first page)", NATIONAL_ADMIN, i -> {
            String[] pick = provinceNames.get(i % provinceNames.size());
            return "/api/members/search?name=" + enc(pick[0].substring(0, 1)) + "&province=" + pick[1];
        }, 100);
        run("by_name.county", "by name, county admin (scope = the county)", COUNTY_ADMIN,
                i -> "/api/members/search?name=" + enc(names11.get(i % names11.size())), 100);
        run("branch_page.own", "branch member page, the branch's own admin", BRANCH_ADMIN,
                i -> "/api/members/orgs/" + ownBranch + "/people", 20);
        run("branch_page.county", "branch member page, county admin, branches of the county", COUNTY_ADMIN,
                i -> "/api/members/orgs/" + countyBranches.get(i % countyBranches.size()) + "/people", 20);
        run("branch_page.national", "branch member page, national admin, any branch", NATIONAL_ADMIN,
                i -> "/api/members/orgs/" + anyBranches.get(i % anyBranches.size()) + "/people", 20);
        // the first scenario again, once everything has run once
        run("by_id.province_again", "by ID, province admin, people of the province (again, after the others)",
                PROVINCE_ADMIN,
                i -> "/api/members/search?idNumber=" + provinceIds.get(i % provinceIds.size()), 10);
        explain(names11.getFirst());
        explainById(provinceIds.getFirst());
    }

    /** The plan of the search by ID for a province admin, as the service runs it. */
    private void explainById(String idNumber) {
        System.out.println("plan, by ID in the province:");
        jdbc.sql("""
                        explain (analyze, buffers, costs off)
                        select p.search_key, p.name, p.id_number, p.political_status from person p
                         where p.id_number = ? and p.deleted_at is null
                           and (exists (select 1 from membership m where m.id_number = p.id_number
                                          and (m.org_path = '1.1000' or (m.org_path ~>=~ '1.1000.' and m.org_path ~<~ '1.1000/')))
                                or exists (select 1 from post t where t.id_number = p.id_number
                                          and (t.org_path = '1.1000' or (t.org_path ~>=~ '1.1000.' and t.org_path ~<~ '1.1000/'))))""")
                .param(idNumber).query(String.class).list().forEach(line -> System.out.println("  " + line));
    }

    private void generate() {
        jdbc.sql("truncate post, membership, person cascade").update();
        jdbc.sql("truncate org_replica.org, org_replica.org_admin").update();
        String codes = "array['" + String.join("','", PROVINCE_CODES) + "']";
        // the tree: 团中央 → provinces → cities → counties → committees → branches, ids chosen so a branch's id
        // follows from its province and its index j in it: 100000000 + p * 1600 + j
        jdbc.sql("""
                insert into org_replica.org (id, parent_id, path, type, domain, full_name, short_name, province_code,
                                             tree_root_id)
                values (1, null, '1', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '共青团中央', '团中央', null, null)""")
                .update();
        jdbc.sql("""
                insert into org_replica.org (id, parent_id, path, type, domain, full_name, short_name, province_code,
                                             tree_root_id)
                select o.id, o.parent_id, o.path, o.type, o.domain, o.full_name, o.full_name, (%s)[p + 1], 1000 + p
                  from generate_series(0, %d) p
                  cross join lateral (
                      select 1000 + p as id, 1 as parent_id, '1.' || (1000 + p) as path, 'LEADING_BODY' as type,
                             'PARTY_AND_GOVERNMENT' as domain, '共青团第' || p || '省委' as full_name
                      union all
                      select 100000 + p * 10 + c, 1000 + p, '1.' || (1000 + p) || '.' || (100000 + p * 10 + c),
                             'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '共青团' || p || '省第' || c || '市委'
                        from generate_series(0, 9) c
                      union all
                      select 1000000 + (p * 10 + c) * 8 + y, 100000 + p * 10 + c,
                             '1.' || (1000 + p) || '.' || (100000 + p * 10 + c) || '.' || (1000000 + (p * 10 + c) * 8 + y),
                             'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '共青团' || p || '省' || c || '市第' || y || '县委'
                        from generate_series(0, 9) c, generate_series(0, 7) y
                      union all
                      select 10000000 + ((p * 10 + c) * 8 + y) * 4 + m, 1000000 + (p * 10 + c) * 8 + y,
                             '1.' || (1000 + p) || '.' || (100000 + p * 10 + c) || '.' || (1000000 + (p * 10 + c) * 8 + y)
                                 || '.' || (10000000 + ((p * 10 + c) * 8 + y) * 4 + m),
                             'COMMITTEE', 'PRIVATE_ENTERPRISE', '某公司团委' || p || '-' || c || '-' || y || '-' || m
                        from generate_series(0, 9) c, generate_series(0, 7) y, generate_series(0, 3) m
                      union all
                      select 100000000 + p * 1600 + j, 10000000 + p * 320 + j / 5,
                             '1.' || (1000 + p) || '.' || (100000 + p * 10 + j / 160) || '.'
                                 || (1000000 + p * 80 + j / 20) || '.' || (10000000 + p * 320 + j / 5) || '.'
                                 || (100000000 + p * 1600 + j),
                             'BRANCH', 'PRIVATE_ENTERPRISE', '某公司第' || p || '-' || j || '团支部'
                        from generate_series(0, %d) j) o"""
                .formatted(codes, PROVINCES - 1, BRANCHES_PER_PROVINCE - 1)).update();
        // people: province p = n % 31, birth date and sequence from n / 31, so every ID number is distinct and
        // carries a correct GB 11643 check digit; names are a skewed pick of surname × one or two given characters
        StringBuilder checkSum = new StringBuilder();
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        for (int i = 0; i < 17; i++) {
            checkSum.append(i == 0 ? "" : " + ").append("substr(first17, ").append(i + 1).append(", 1)::int * ")
                    .append(weights[i]);
        }
        jdbc.sql("select setseed(0.42)").query(Object.class).list();
        jdbc.sql("drop table if exists generated_people").update();
        jdbc.sql("""
                create unlogged table generated_people as
                select n, p, first17 || substr('10X98765432', ((%s) %% 11) + 1, 1) as id_number, birth, name,
                       100000000 + p * 1600 + floor(random() * 1600)::int as branch_id,
                       date '2012-05-04' + floor(random() * 4000)::int as join_date
                  from (select n, n %% 31 as p, n / 31 as k, date '1998-01-01' + ((n / 31) %% 3650)::int as birth,
                               s[1 + floor(power(random(), 2.5) * char_length(%s))::int]
                                   || g[1 + floor(power(random(), 1.7) * char_length(%s))::int]
                                   || case when random() < 0.65
                                           then g[1 + floor(power(random(), 1.7) * char_length(%s))::int]
                                           else '' end as name
                          from generate_series(0, %d) n,
                               (select regexp_split_to_array(%s, '') as s, regexp_split_to_array(%s, '') as g) chars) b
                 cross join lateral (select (%s)[p + 1] || '0102' || to_char(birth, 'YYYYMMDD')
                                            || lpad(((k / 3650) %% 1000)::text, 3, '0') as first17) f"""
                .formatted(checkSum, lit(SURNAMES), lit(GIVEN), lit(GIVEN), PEOPLE - 1, lit(SURNAMES), lit(GIVEN),
                        codes)).update();
        jdbc.sql("""
                insert into person (id_number, name, birth_date, gender, ethnicity, political_status, education,
                                    join_date, development_number, mobile)
                select id_number, name, birth,
                       case when substr(id_number, 17, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end, '汉族',
                       case when n % 20 = 0 then '中共党员' else '共青团员' end, '本科', join_date,
                       case when join_date >= date '2017-01-01'
                            then to_char(join_date, 'YYYY') || substr(id_number, 1, 2) || lpad((n / 31)::text, 6, '0')
                       end,
                       '138' || lpad((n % 100000000)::text, 8, '0')
                  from generated_people""").update();
        jdbc.sql("""
                insert into membership (id_number, branch_id, org_path, name)
                select g.id_number, g.branch_id, o.path, g.name
                  from generated_people g join org_replica.org o on o.id = g.branch_id""")
                .update();
        // cadres: a 书记 in every branch and every committee, chosen from their members
        jdbc.sql("""
                insert into post (id_number, org_id, title, org_path, name)
                select distinct on (branch_id) id_number, branch_id, '书记', org_path, name from membership
                 order by branch_id, id_number""").update();
        jdbc.sql("""
                insert into post (id_number, org_id, title, org_path, name)
                select distinct on (o.parent_id) m.id_number, o.parent_id, '书记', regexp_replace(m.org_path, '\\.[0-9]+$', ''),
                       m.name
                  from membership m join org_replica.org o on o.id = m.branch_id
                 order by o.parent_id, m.id_number desc""").update();
        jdbc.sql("drop table generated_people").update();
        jdbc.sql("""
                insert into org_replica.org_admin (org_id, id_number)
                values (1, ?), (1000, ?), (1000000, ?), (100000000, ?)""")
                .params(NATIONAL_ADMIN, PROVINCE_ADMIN, COUNTY_ADMIN, BRANCH_ADMIN).update();
        jdbc.sql("vacuum analyze person").update();
        jdbc.sql("vacuum analyze membership").update();
        jdbc.sql("vacuum analyze post").update();
        jdbc.sql("vacuum analyze org_replica.org").update();
        jdbc.sql("vacuum analyze org_replica.org_admin").update();
        // the load leaves ~1 GB of dirty pages; without this the first scenarios measure the background writer
        // flushing them (p95 by ID 11-28 ms right after the load, 4.7 ms once written), not the search
        jdbc.sql("checkpoint").update();
    }

    private void run(String key, String scenario, String as, IntFunction<String> path, int goalMillis) {
        String token = TestTokens.get().accessToken(as);
        for (int i = 0; i < WARM_UP; i++) {
            call(token, path.apply(i + SAMPLES));
        }
        long[] nanos = new long[SAMPLES];
        int found = 0;
        CpuTime.Span cpu = CpuTime.span(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = call(token, path.apply(i));
            nanos[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (!response.body().contains("\"items\":[]")) {
                found++;
            }
        }
        double cpuPerCall = cpu.seconds() * 1000 / SAMPLES;
        Arrays.sort(nanos);
        double p95 = ms(nanos[(int) Math.ceil(SAMPLES * 0.95) - 1]);
        System.out.printf("%-72s %8.2f %8.2f %8.2f %8.2f  < %d ms %s (non-empty answers: %d/%d)%n", scenario,
                ms(nanos[SAMPLES / 2]), p95, ms(nanos[(int) Math.ceil(SAMPLES * 0.99) - 1]), ms(nanos[SAMPLES - 1]),
                goalMillis, p95 < goalMillis ? "met" : "MISSED", found, SAMPLES);
        BenchFigure.of("member.search." + key + ".p95", p95, "ms").atMost(goalMillis)
                .limit("GET liveness p95", bareRoundTrip).cpu(cpuPerCall, "ms/call").record();
    }

    private HttpResponse<String> call(String token, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private void machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getTotalMemorySize() : -1;
        System.out.printf("machine: %d CPUs, %.1f GB RAM, %s %s %s; JVM %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), memory / 1e9, os.getName(), os.getVersion(), os.getArch(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("database: " + jdbc.sql("select version()").query(String.class).single());
        System.out.println("settings: " + jdbc.sql("""
                select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
                 where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'fsync', 'lc_ctype',
                                'random_page_cost', 'jit')""").query(String.class).single());
        System.out.println("pg_trgm on CJK: show_trgm('欧阳小明') = "
                + jdbc.sql("select show_trgm('欧阳小明')::text").query(String.class).single());
    }

    private void sizes() {
        jdbc.sql("""
                        select c.relname, pg_total_relation_size(c.oid) as total, pg_relation_size(c.oid) as heap,
                               pg_indexes_size(c.oid) as indexes
                          from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where (n.nspname = 'public' and c.relname in ('person', 'membership', 'post'))
                            or (n.nspname = 'org_replica' and c.relname in ('org', 'org_admin'))
                         order by total desc""")
                .query((row, n) -> String.format("  table %-12s total %8s  heap %8s  indexes %8s", row.getString(1),
                        mb(row.getLong(2)), mb(row.getLong(3)), mb(row.getLong(4))))
                .list().forEach(System.out::println);
        jdbc.sql("""
                        select i.relname, pg_relation_size(i.oid) from pg_index x
                          join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                          join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname in ('public', 'org_replica')
                           and t.relname in ('person', 'membership', 'post', 'org', 'org_admin')
                         order by 2 desc""")
                .query((row, n) -> String.format("  index %-28s %8s", row.getString(1), mb(row.getLong(2))))
                .list().forEach(System.out::println);
    }

    /** The plan of the name search's membership branch for a province admin, as the service runs it. */
    private void explain(String name) {
        System.out.println("plan, name '" + name + "' in the province (membership branch):");
        jdbc.sql("""
                        explain (analyze, buffers, costs off)
                        select p.search_key, p.name, p.id_number, p.political_status
                          from person p join membership m on m.id_number = p.id_number
                         where p.name collate "C" >= ? and p.name collate "C" < ? and p.deleted_at is null
                           and (m.org_path = '1.1000' or (m.org_path ~>=~ '1.1000.' and m.org_path ~<~ '1.1000/'))
                         order by p.name collate "C", p.search_key limit 20""")
                .params(name, name.substring(0, name.length() - 1) + (char) (name.charAt(name.length() - 1) + 1))
                .query(String.class).list().forEach(line -> System.out.println("  " + line));
    }

    private List<String> sample(String sql) {
        List<String> values = new ArrayList<>(jdbc.sql(sql).query(String.class).list());
        assertThat(values).isNotEmpty();
        return values;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String lit(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
