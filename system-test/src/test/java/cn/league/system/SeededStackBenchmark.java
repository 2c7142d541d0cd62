package cn.league.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.seeder.AgeBand;
import cn.league.seeder.PeopleFactory;
import cn.league.test.BenchFigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 18 item 3: the suite's query goals measured on the generated country of {@code ./league seed province} (江苏,
 * ~120,500 orgs, ~330,000 people), on a stack that is already running ({@code ./league up}; it starts and stops
 * nothing), from outside through the gateway with real Keycloak tokens — children pages, org search by full name,
 * member search within a province's, a city's and a county's subtree, a county's branch pages, the scope check (a
 * county admin opening orgs and people deep in the county, and refused in the county beside it), the transfer queue
 * and operation-centre counts of the org the most seeded transfers wait for, the province's entry statistics.
 * <p>
 * Each query is measured beside a bare round trip through the gateway to the same service, made just before it with
 * the same token: a path the service refuses with 400 before any query (a non-numeric id), so the ratio is what the
 * query adds to the gateway, the token checks and the service's web layer. Requests go one at a time, at most
 * {@value #REQUESTS_PER_SECOND} a second (under the gateway's 50 a second per caller). Prints p50 and p95 of both and
 * the CPU per request of the parts that answer (the gateway, the service and the PostgreSQL backends of its database,
 * read from {@code /proc}: {@link StackCpu}), and records ({@link BenchFigure}) each p50 and p95 with the goals the
 * module benchmarks hold the same queries to (OrgTreeBenchmark, MemberSearchBenchmark, StatsBenchmark).
 * <p>
 * Then the write flows on the same province (issue 18 item 3: one table, one dataset): {@value #BULK_ROWS_DEFAULT} new
 * people ({@code -Dbenchmark.seeded.bulk-rows}) made by the seeder's {@link PeopleFactory} — IDs of regions and
 * sequence codes the seeder never uses, a block of its own each run ({@link NewPeople}), so nobody seeded is met and a
 * second run enters others — entered into the province's branches by member-service's bulk path through the gateway
 * as 团中央's admin ({@value #BULK_BATCH} a request, {@code -Dbenchmark.seeded.bulk-clients} at once), until member-
 * service's outbox is empty; beside a plain COPY of the same rows into person and membership (rolled back), with the
 * CPU per 1,000 rows. Then {@value #TRANSFERS_DEFAULT} of them ({@code -Dbenchmark.seeded.transfers}) transferred
 * (办理转出, then the receiving side's approval, R-TR-3) from the branches of one committee of the county to those of
 * another, by their admins, one request at a time at the queries' pace, beside the bare round
 * trip: p50 and p95 of both steps, transfers a second and CPU per transfer. Last, a generated .xlsx of
 * {@value #IMPORT_ROWS_DEFAULT} more new people ({@code -Dbenchmark.seeded.import-rows}, 0 for none; ImportFlowBenchmark's
 * generator) imported through the gateway into that other org's branches, against the bulk path's rows/s of the same
 * run. Each phase starts once the stack is at rest. The people and transfers stay: each run adds them to the
 * province.
 * <p>
 * The first run makes three demo admins (password {@code Zhtj@2026}) admins of the generated orgs, each with an admin
 * code from the parent's admin (R-ADM-3): 团浙江省委's of 团江苏省委, 团杭州市委's of the first generated city,
 * 团杭州市西湖区委's of that city's first county; they act for them with {@code X-League-Org} (R-ADM-8). For the
 * transfers it makes two more, with codes from the county's admin: 西湖科创园团工委's of the first of the county's
 * committees with two branches or more, 转塘街道团工委's of the second. Later runs find them there.
 * <pre>
 * LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=SEED ./league up
 * LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=SEED ./league seed province
 * ./league bench seeded      # or: ./mvnw -B -pl system-test -am -Pbenchmark verify -Dtest=SeededStackBenchmark \
 *                            #   -Dsurefire.failIfNoSpecifiedTests=false -DskipITs [-Dbenchmark.seeded.port-offset=N \
 *                            #   -Dbenchmark.seeded.home=&lt;LEAGUE_HOME&gt;] [-Dbenchmark.seeded.samples=300] \
 *                            #   [-Dbenchmark.seeded.bulk-rows=20000] [-Dbenchmark.seeded.transfers=300] \
 *                            #   [-Dbenchmark.seeded.import-rows=20000]
 * </pre>
 */
@Tag("benchmark")
class SeededStackBenchmark {

    static final int OFFSET = Integer.getInteger("benchmark.seeded.port-offset", 0);
    /** The stack's state folder, for the pid files of its parts: {@code ./league up}'s default unless given. */
    static final Path HOME = Path.of(System.getProperty("benchmark.seeded.home",
            LeagueStack.ROOT.resolve(".league").toString())).toAbsolutePath();
    static final int SAMPLES = Integer.getInteger("benchmark.seeded.samples", 300);
    static final int WARM_UP = 50;
    static final int REQUESTS_PER_SECOND = 40;
    /** New people entered by the bulk path (and as the COPY limit) each run. */
    static final int BULK_ROWS_DEFAULT = 20_000;
    static final int BULK_ROWS = Integer.getInteger("benchmark.seeded.bulk-rows", BULK_ROWS_DEFAULT);
    static final int BULK_BATCH = 5_000;
    static final int BULK_CLIENTS = Integer.getInteger("benchmark.seeded.bulk-clients", 2);
    /** Transfers of new people measured each run, after {@link #TRANSFER_WARM_UP} not counted. */
    static final int TRANSFERS_DEFAULT = 300;
    static final int TRANSFERS = Integer.getInteger("benchmark.seeded.transfers", TRANSFERS_DEFAULT);
    static final int TRANSFER_WARM_UP = 20;
    static final int IMPORT_ROWS_DEFAULT = 20_000;
    /** New people in the generated .xlsx imported each run (0: no import). */
    static final int IMPORT_ROWS = Integer.getInteger("benchmark.seeded.import-rows", IMPORT_ROWS_DEFAULT);
    static final String HOW_TO_SEED =
            "LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=SEED ./league up, then LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=SEED "
                    + "./league seed province";

    static final String CENTRAL_ADMIN = "110101198505040117";
    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String CITY_ADMIN = "330102198602020027";
    static final String COUNTY_ADMIN = "330106198703030035";
    /** 西湖科创园团工委's and 转塘街道团工委's demo admins: the transfers' out-side and in-side, in the generated county. */
    static final String OUT_SIDE_ADMIN = "330110198905050055";
    static final String IN_SIDE_ADMIN = "330106199006060065";
    /** The orgs below a county that hold branches and may start and approve their transfers (R-TR-3). */
    static final Set<String> COMMITTEES = Set.of("COMMITTEE", "WORK_COMMITTEE", "GENERAL_BRANCH");

    /** Per service: its part in the stack, its database and the bare round trip's path (400 before any query). */
    record Service(String part, String database, String barePath) {
    }

    static final Map<String, Service> SERVICES = Map.of(
            "org", new Service("org-service", "league_org", "/api/orgs/bare/children"),
            "member", new Service("member-service", "league_member", "/api/members/orgs/bare/people"),
            "transfer", new Service("transfer-service", "league_transfer", "/api/transfers/orgs/bare/waiting"),
            "stats", new Service("stats-service", "league_stats", "/api/stats/ops/counts?orgId=bare"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LEAVES = Set.of("BRANCH", "GRADUATE_BRANCH", "PENDING_BRANCH");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = "http://127.0.0.1:" + (8080 + OFFSET);
    private final String keycloak = "http://127.0.0.1:" + (18080 + OFFSET);
    private final StackCpu cpu = new StackCpu(HOME);
    private long nextRequest = System.nanoTime();

    /** A caller: a demo admin's tokens, acting for one org ({@code X-League-Org}) or with all their rights (null). */
    record Caller(AdminTokens tokens, Long activeOrg) {
    }

    record Org(long id, long parentId, String fullName, String type) {
    }

    record Person(String idNumber, String name) {
    }

    record Answer(int status, String body, long nanos) {
    }

    /** One query: the figure's key, what it is, the service answering, as whom, the i-th path, its status, a goal. */
    record Scenario(String key, String what, String service, Caller as, IntFunction<String> path, int status,
                    Integer goalMillis) {
    }

    /** The children of each org asked for while finding the tree, as 团中央's admin, for the children pages. */
    private final Map<Long, List<Org>> childrenOf = new HashMap<>();

    @Test
    void queriesOnTheGeneratedProvince() throws Exception {
        System.out.printf("%n=== seeded stack benchmark: gateway %s, state %s, %d samples a query ===%n", gateway, HOME,
                SAMPLES);
        System.out.printf("load before: %s%n", loadAverage());
        Caller central = new Caller(new AdminTokens(keycloak, CENTRAL_ADMIN), null);

        Org province = children(central, 1).stream().filter(org -> org.fullName().contains("江苏")).findFirst()
                .orElseThrow(() -> new AssertionError("no 江苏 under 团中央: is this a league stack?"));
        List<Org> cities = bodies(children(central, province.id()));
        if (cities.size() < 2) {
            fail("no generated province on the stack at %s (%s has %d cities): %s", gateway, province.fullName(),
                    cities.size(), HOW_TO_SEED);
        }
        Org city = cities.getFirst();
        List<Org> counties = bodies(children(central, city.id()));
        assertThat(counties).as("the counties of %s", city.fullName()).hasSizeGreaterThanOrEqualTo(2);
        Org county = counties.get(0);
        Org beside = counties.get(1);
        List<Org> inCounty = walk(central, county, 100);
        List<Org> besideCounty = walk(central, beside, 20);
        List<Org> elsewhere = new ArrayList<>();
        List<Person> elsewherePeople = new ArrayList<>();
        for (Org other : cities.subList(1, cities.size())) {
            List<Org> walked = walk(central, bodies(children(central, other.id())).getFirst(), 6);
            elsewhere.addAll(walked);
            elsewherePeople.addAll(people(central, walked, 2));
        }
        List<Person> countyPeople = people(central, inCounty, 15);
        List<Person> besidePeople = people(central, besideCounty, 8);
        List<Person> cityPeople = concat(countyPeople, besidePeople);
        List<Person> provincePeople = concat(cityPeople, elsewherePeople);
        List<Org> deepOrgs = inCounty.stream().filter(org -> !org.equals(county)).toList();
        List<Org> besideOrgs = besideCounty.stream().filter(org -> !org.equals(beside)).toList();
        List<Org> provinceOrgs = concat(concat(deepOrgs, besideOrgs), elsewhere);
        // every org whose children were asked for, but 团中央 (the province's admin may not see its children)
        List<Long> parents = childrenOf.keySet().stream().filter(id -> id != 1 && !childrenOf.get(id).isEmpty())
                .sorted().toList();
        List<Long> branches = inCounty.stream().filter(org -> LEAVES.contains(org.type())).map(Org::id).toList();
        Map<Long, Integer> waiting = openTransfersWaitingPerOrg(central, province.id());
        Optional<Long> busiest = busiest(waiting);
        long busy = busiest.orElse(county.id());
        System.out.printf("found: %s (id %d), %d cities; %s (%d) with %d counties; county %s (%d): %d orgs walked, "
                        + "%d people; beside it %s (%d); %d orgs and %d people elsewhere in the province%n",
                province.fullName(), province.id(), cities.size(), city.fullName(), city.id(), counties.size(),
                county.fullName(), county.id(), inCounty.size(), countyPeople.size(), beside.fullName(), beside.id(),
                elsewhere.size(), elsewherePeople.size());
        System.out.printf("the busiest org of the open transfers: %s%n", busiest
                .map(id -> "org %d, %d waiting for it".formatted(id, waiting.get(id)))
                .orElse("none open (expired?): the county's queue instead"));

        Caller provinceAdmin = adminOf(PROVINCE_ADMIN, province, central);
        Caller cityAdmin = adminOf(CITY_ADMIN, city, provinceAdmin);
        Caller countyAdmin = adminOf(COUNTY_ADMIN, county, cityAdmin);

        List<Scenario> scenarios = List.of(
                new Scenario("org.children_page", "children page (50), province admin, orgs across the province",
                        "org", provinceAdmin, i -> childrenPage(parents.get(i % parents.size()), i), 200, 20),
                new Scenario("org.search_full_name", "org search by full name, province admin", "org",
                        provinceAdmin, i -> "/api/orgs/search?name="
                        + enc(provinceOrgs.get(i % provinceOrgs.size()).fullName()), 200, null),
                new Scenario("scope.org_in_subtree", "scope: county admin opens an org deep in the county", "org",
                        countyAdmin, i -> "/api/orgs/" + deepOrgs.get(i % deepOrgs.size()).id(), 200, null),
                new Scenario("scope.org_refused", "scope: county admin opens an org of the county beside (403)",
                        "org", countyAdmin, i -> "/api/orgs/" + besideOrgs.get(i % besideOrgs.size()).id(), 403,
                        null),
                new Scenario("member.by_id.province", "member search by ID, province admin", "member",
                        provinceAdmin, i -> "/api/members/search?idNumber="
                        + provincePeople.get(i % provincePeople.size()).idNumber(), 200, 10),
                new Scenario("member.by_name.province", "member search by name, province admin", "member",
                        provinceAdmin, i -> "/api/members/search?name="
                        + enc(provincePeople.get(i % provincePeople.size()).name()), 200, 100),
                new Scenario("member.by_name.city", "member search by name, city admin", "member", cityAdmin,
                        i -> "/api/members/search?name=" + enc(cityPeople.get(i % cityPeople.size()).name()), 200,
                        100),
                new Scenario("member.by_name.county", "member search by name, county admin", "member",
                        countyAdmin, i -> "/api/members/search?name="
                        + enc(countyPeople.get(i % countyPeople.size()).name()), 200, 100),
                new Scenario("member.branch_page.county", "branch member page, county admin, the county's branches",
                        "member", countyAdmin, i -> "/api/members/orgs/" + branches.get(i % branches.size())
                        + "/people", 200, 20),
                new Scenario("scope.person_in_subtree", "scope: county admin opens a person of the county",
                        "member", countyAdmin, i -> "/api/members/people/"
                        + countyPeople.get(i % countyPeople.size()).idNumber(), 200, null),
                new Scenario("scope.person_refused", "scope: county admin opens a person of the county beside "
                        + "(404)", "member", countyAdmin, i -> "/api/members/people/"
                        + besidePeople.get(i % besidePeople.size()).idNumber(), 404, null),
                new Scenario("transfer.waiting.busiest_org", "transfer queue of the busiest org, province admin",
                        "transfer", provinceAdmin, i -> "/api/transfers/orgs/" + busy + "/waiting", 200, null),
                new Scenario("transfer.history.province", "the province's transfer history, province admin",
                        "transfer", provinceAdmin, i -> "/api/transfers/orgs/" + province.id() + "/history", 200,
                        null),
                new Scenario("stats.ops_counts.busiest_org", "operation-centre counts of the busiest org",
                        "stats", provinceAdmin, i -> "/api/stats/ops/counts?orgId=" + busy, 200, 20),
                new Scenario("stats.progress.province", "entry progress of the province's cities, province admin",
                        "stats", provinceAdmin, i -> "/api/stats/progress?orgId=" + province.id(), 200, 50));

        System.out.printf("%n%-72s %8s %8s %8s %8s %6s %38s %6s%n", "query (one at a time, through the gateway)",
                "p50 ms", "p95 ms", "bare p50", "bare p95", "ratio", "CPU ms/request = gateway + service + db",
                "bare");
        List<String> wrong = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            wrong.addAll(measure(scenario));
        }
        System.out.printf("CPU per request of the gateway, the service and the PostgreSQL backends of its database "
                + "(%s), their background work included; bare: the same for the bare round trip; ratio = p95 ÷ the "
                + "bare round trip's p95%n", HOME);
        System.out.printf("load after the queries: %s%n", loadAverage());
        assertThat(wrong).as("answers other than the expected status").isEmpty();

        List<Long> spread = provinceOrgs.stream().filter(org -> org.type().equals("BRANCH")).map(Org::id).toList();
        writeFlows(central, province, county, countyAdmin, spread);
        System.out.printf("load after: %s%n", loadAverage());
    }

    /** Warm-up, then the bare round trip and the query, {@link #SAMPLES} each; prints, records, says what was wrong. */
    private List<String> measure(Scenario scenario) throws Exception {
        Service service = SERVICES.get(scenario.service());
        Caller bare = new Caller(scenario.as().tokens(), null);
        for (int i = 0; i < WARM_UP; i++) {
            call(bare, service.barePath());
            call(scenario.as(), scenario.path().apply(SAMPLES + i));
        }
        List<String> wrong = new ArrayList<>();
        long[] bareNanos = new long[SAMPLES];
        StackCpu.Answering cpuBefore = cpu.answering(service.part(), service.database());
        for (int i = 0; i < SAMPLES; i++) {
            Answer answer = call(bare, service.barePath());
            bareNanos[i] = answer.nanos();
            if (answer.status() != 400) {
                wrong.add("bare %s: %d %s".formatted(service.barePath(), answer.status(), answer.body()));
            }
        }
        StackCpu.Answering cpuBetween = cpu.answering(service.part(), service.database());
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String path = scenario.path().apply(i);
            Answer answer = call(scenario.as(), path);
            nanos[i] = answer.nanos();
            if (answer.status() != scenario.status()) {
                wrong.add("%s %s: %d %s".formatted(scenario.key(), path, answer.status(),
                        answer.body().substring(0, Math.min(300, answer.body().length()))));
            }
        }
        StackCpu.Answering bareCpu = cpuBetween.millisPer(SAMPLES, cpuBefore);
        StackCpu.Answering queryCpu = cpu.answering(service.part(), service.database())
                .millisPer(SAMPLES, cpuBetween);
        double p50 = millis(nanos, 0.50);
        double p95 = millis(nanos, 0.95);
        double bareP50 = millis(bareNanos, 0.50);
        double bareP95 = millis(bareNanos, 0.95);
        System.out.printf("%-72s %8.2f %8.2f %8.2f %8.2f %6.2f %6.2f = %5.2f + %5.2f + %5.2f %6.2f%s%n",
                scenario.what(), p50, p95, bareP50, bareP95, p95 / bareP95, queryCpu.total(), queryCpu.gateway(),
                queryCpu.service(), queryCpu.database(), bareCpu.total(), scenario.goalMillis() == null ? ""
                        : "  goal p95 < %d ms: %s".formatted(scenario.goalMillis(),
                        p95 < scenario.goalMillis() ? "met" : "MISSED"));
        String name = "seeded." + scenario.key();
        BenchFigure.of(name + ".p50", p50, "ms").lowerIsBetter().limit("bare gateway round trip p50", bareP50)
                .record();
        BenchFigure p95Figure = BenchFigure.of(name + ".p95", p95, "ms");
        (scenario.goalMillis() == null ? p95Figure.lowerIsBetter() : p95Figure.atMost(scenario.goalMillis()))
                .limit("bare gateway round trip p95", bareP95).cpu(queryCpu.total(), "ms/request").record();
        return wrong;
    }

    // ---- the write flows: new people by the bulk path beside a COPY of them, and transfers of them

    /**
     * The benchmark's new people of one run, made by the seeder's {@link PeopleFactory} (members of 18 to 27, as the
     * seeder's youth branches hold) so that nobody seeded is met: ID numbers of 南京's districts the seeder never
     * draws from (its 江苏 people are born in 320113–320116), a block of {@value #SEQUENCES_PER_RUN} ID sequence codes
     * of the run's own (0–979; 990–999 are people the identity centre learns of late), and development-number serials
     * from a block of the run's own per join year, between the seeded province's (from 0) and the town's (from
     * 900,000). A run is the one after the highest sequence code among the people of these regions already entered.
     */
    record NewPeople(int run) {

        static final List<String> REGIONS = List.of("320102", "320104", "320105", "320106", "320111", "320117");
        static final int SEQUENCES_PER_RUN = 20;
        static final int RUNS = 990 / SEQUENCES_PER_RUN;
        static final int FIRST_SERIAL = 100_000;
        static final int SERIALS_PER_RUN = 16_000;

        NewPeople {
            if (run < 0 || run >= RUNS) {
                throw new IllegalStateException("the seeded stack benchmark's new people have used all " + RUNS
                        + " blocks of ID sequence codes of " + REGIONS + "; seed a new province");
            }
        }

        /** The run after the one that entered the highest of these sequence codes (null: no run yet). */
        static NewPeople after(Integer highestSequence) {
            return new NewPeople(highestSequence == null ? 0 : highestSequence / SEQUENCES_PER_RUN + 1);
        }

        int firstSequence() {
            return run * SEQUENCES_PER_RUN;
        }

        int firstSerial() {
            return FIRST_SERIAL + run * SERIALS_PER_RUN;
        }

        PeopleFactory factory(LocalDate today) {
            return new PeopleFactory("32", REGIONS, today, firstSequence(), firstSequence() + SEQUENCES_PER_RUN,
                    firstSerial());
        }

        /** {@code count} members, the same ones for the same run. */
        List<cn.league.seeder.Person> members(LocalDate today, int count) {
            PeopleFactory factory = factory(today);
            RandomGenerator random = new SplittableRandom(2026L * 1000 + run);
            List<cn.league.seeder.Person> people = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                people.add(factory.member(random, AgeBand.YOUTH));
            }
            return people;
        }
    }

    /** The person as a line of {@link StackDatabase#COPY_PERSON}: gender and birth date from the ID (GB 11643). */
    static String personLine(cn.league.seeder.Person person) {
        String id = person.idNumber();
        return String.join("\t", id, person.name(), cn.league.seeder.IdNumbers.birthDate(id).toString(),
                (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE", person.ethnicity(), person.politicalStatus(),
                person.education(), copyValue(person.joinDate()), copyValue(person.developmentNumber()),
                copyValue(person.mobile())) + "\n";
    }

    private static String copyValue(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    /**
     * Transfers a second of one admin doing one thing after another: {@code count} transfers over the time their
     * requests took (each a start and an approval), the pace's waits left out.
     */
    static double perSecond(int count, long[]... nanosOfEachStep) {
        long total = 0;
        for (long[] step : nanosOfEachStep) {
            total += LongStream.of(step).sum();
        }
        return count / (total / 1e9);
    }

    /**
     * Issue 18 item 3's write flows on the same province: {@link #BULK_ROWS} new people entered into the province's
     * branches by member-service's bulk path through the gateway beside a plain COPY of the same rows, then
     * {@link #TRANSFERS} of them transferred (办理转出 and the receiving side's approval) between the branches of two
     * committees of the county, by their admins, beside the bare round trip, then {@link #IMPORT_ROWS} more imported
     * from a generated .xlsx beside the bulk path.
     */
    private void writeFlows(Caller central, Org province, Org county, Caller countyAdmin, List<Long> provinceBranches)
            throws Exception {
        // the first two of the county's committees (团委, 团工委, 团总支) with two branches or more
        List<Org> sides = new ArrayList<>();
        Map<Long, List<Long>> branchesOf = new HashMap<>();
        List<Org> below = childrenOf.containsKey(county.id()) ? childrenOf.get(county.id()) : children(central,
                county.id());
        for (Org org : below.stream().sorted(Comparator.comparingLong(Org::id)).toList()) {
            if (!COMMITTEES.contains(org.type())) {
                continue;
            }
            List<Org> children = childrenOf.containsKey(org.id()) ? childrenOf.get(org.id()) : children(central,
                    org.id());
            List<Long> branches = children.stream().filter(child -> child.type().equals("BRANCH")).map(Org::id)
                    .toList();
            if (branches.size() >= 2) {
                sides.add(org);
                branchesOf.put(org.id(), branches);
            }
            if (sides.size() == 2) {
                break;
            }
        }
        assertThat(sides).as("two committees of %s with two branches or more", county.fullName()).hasSize(2);
        Org outSide = sides.get(0);
        Org inSide = sides.get(1);
        Caller outAdmin = adminOf(OUT_SIDE_ADMIN, outSide, countyAdmin);
        Caller inAdmin = adminOf(IN_SIDE_ADMIN, inSide, countyAdmin);
        int movers = TRANSFER_WARM_UP + TRANSFERS;
        assertThat(BULK_ROWS).as("benchmark.seeded.bulk-rows holds the movers").isGreaterThanOrEqualTo(movers);

        NewPeople newPeople;
        try (Connection member = StackDatabase.connect(OFFSET, "league_member");
             PreparedStatement highest = member.prepareStatement("select max(substr(id_number, 15, 3)::int) "
                     + "from person where left(id_number, 6) = any (?)")) {
            highest.setArray(1, member.createArrayOf("text", NewPeople.REGIONS.toArray()));
            try (ResultSet row = highest.executeQuery()) {
                row.next();
                newPeople = NewPeople.after((Integer) row.getObject(1));
            }
        }
        List<cn.league.seeder.Person> everyone = newPeople.members(LocalDate.now(ZoneId.of("Asia/Shanghai")),
                BULK_ROWS + IMPORT_ROWS);
        List<cn.league.seeder.Person> people = everyone.subList(0, BULK_ROWS);
        long[] branchOfRow = new long[BULK_ROWS];
        List<Long> outBranches = branchesOf.get(outSide.id());
        for (int i = 0; i < BULK_ROWS; i++) {
            branchOfRow[i] = i < movers ? outBranches.get(i % outBranches.size())
                    : provinceBranches.get(i % provinceBranches.size());
        }
        System.out.printf("%n=== write flows on %s: run %d of the new people (ID sequence codes %d–%d of %s) ===%n",
                province.fullName(), newPeople.run(), newPeople.firstSequence(),
                newPeople.firstSequence() + NewPeople.SEQUENCES_PER_RUN - 1, NewPeople.REGIONS);
        System.out.printf("transfers from the branches of %s (%d) by its admin %s to those of %s (%d), approved by "
                        + "its admin %s%n", outSide.fullName(), outSide.id(), OUT_SIDE_ADMIN, inSide.fullName(),
                inSide.id(), IN_SIDE_ADMIN);

        double copyRate = copyLimit(people, branchOfRow);
        double bulkRate = bulkEntry(central, people, branchOfRow, copyRate);
        transfers(people.subList(0, movers), outAdmin, branchesOf.get(inSide.id()), inAdmin);
        if (IMPORT_ROWS > 0) {
            importXlsx(everyone.subList(BULK_ROWS, everyone.size()), inAdmin, inSide, branchesOf.get(inSide.id()),
                    bulkRate);
        }
    }

    /** The person as a row of the template 导入下级团支部团员团干部, a member of the branch (its id as 所在团支部). */
    static List<String> importCells(cn.league.seeder.Person person, long branch) {
        return List.of(Long.toString(branch), "团员", person.name(), person.idNumber(), person.ethnicity(),
                person.politicalStatus(), person.education(), text(person.joinDate()),
                text(person.developmentNumber()), text(person.mobile()), "", "");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * A generated .xlsx of {@link #IMPORT_ROWS} more new people (ImportFlowBenchmark's generator, {@link
     * ImportFlow#workbook}) uploaded through the gateway by the admin of the org whose branches they join,
     * until every row is stored and member-service's outbox is empty; rows/s beside the bulk path's of this run, CPU
     * per 1,000 rows of the gateway, import-service, member-service and their databases.
     */
    private void importXlsx(List<cn.league.seeder.Person> people, Caller as, Org uploader, List<Long> branches,
                            double bulkRate) throws Exception {
        HttpResponse<byte[]> template = http.send(HttpRequest.newBuilder(URI.create(gateway
                        + "/api/imports/templates/subordinate-members.xlsx"))
                .header("Authorization", "Bearer " + as.tokens().current()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        Path file = ImportFlow.workbook(template.body(), false,
                i -> importCells(people.get(i), branches.get(i % branches.size())), people.size(),
                Path.of(System.getProperty("java.io.tmpdir")));
        try {
            byte[] bytes = Files.readAllBytes(file);
            awaitQuiet("the import");
            double cpuBefore = importCpu();
            long start = System.nanoTime();
            HttpResponse<String> accepted = ImportFlow.upload(gateway, Long.toString(uploader.id()),
                    "subordinate-members", "名单.xlsx", bytes, as.tokens().current());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = JSON.readTree(accepted.body()).path("id").asString();
            JsonNode job;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            do {
                Thread.sleep(200);
                job = json(as, "/api/imports/" + id);
                assertThat(System.nanoTime()).as("import %s did not finish: %s", id, job).isLessThan(deadline);
            } while (!List.of("DONE", "FAILED", "CANCELLED").contains(job.path("status").asString()));
            double stored = (System.nanoTime() - start) / 1e9;
            StackDatabase.awaitOutboxEmpty(OFFSET);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (importCpu() - cpuBefore) * 1_000_000 / people.size();
            double rate = people.size() / seconds;
            System.out.printf("import of a generated .xlsx (%,d rows, %,d bytes) into %d branches of %s: %.1f s "
                            + "(every row stored after %.1f s) = %,.0f rows/s, %.0f %% of the bulk path's; %s; CPU "
                            + "%.0f ms/1000 rows (gateway, import-service, member-service and their databases)%n",
                    people.size(), bytes.length, branches.size(), uploader.fullName(), seconds, stored, rate,
                    rate / bulkRate * 100, job.path("summary").asString(), cpuMs);
            assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("DONE");
            assertThat(job.path("rowsImported").asInt()).as(job.toString()).isEqualTo(people.size());
            BenchFigure.of("seeded.import_xlsx", rate, "rows/s").higherIsBetter().peer("bulk path", bulkRate)
                    .cpu(cpuMs, "ms/1000 rows").record();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** CPU seconds so far of what an import uses: the gateway, import-service, member-service, their databases. */
    private double importCpu() {
        return cpu.part("gateway") + cpu.part("import-service") + cpu.part("member-service")
                + cpu.database("league_import") + cpu.database("league_member");
    }

    /**
     * The limit: the same rows by one plain COPY into person and membership, in a transaction rolled back afterwards
     * (so the bulk path then enters them; the commit's flush is not in the limit). Returns rows/s.
     */
    private double copyLimit(List<cn.league.seeder.Person> people, long[] branchOfRow) throws Exception {
        awaitQuiet("the COPY");
        try (Connection member = StackDatabase.connect(OFFSET, "league_member")) {
            Map<Long, String> paths = new HashMap<>();
            try (PreparedStatement query = member.prepareStatement("select id, path::text from org_replica.org "
                    + "where id = any (?)")) {
                query.setArray(1, member.createArrayOf("bigint", LongStream.of(branchOfRow).distinct().boxed()
                        .toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        paths.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            member.setAutoCommit(false);
            double cpuBefore = cpu.database("league_member");
            long start = System.nanoTime();
            StackDatabase.copyIn(member, StackDatabase.COPY_PERSON, people.size(), i -> personLine(people.get(i)));
            StackDatabase.copyIn(member, StackDatabase.COPY_MEMBERSHIP, people.size(), i -> people.get(i).idNumber()
                    + "\t" + branchOfRow[i] + "\t" + paths.get(branchOfRow[i]) + "\t" + people.get(i).name() + "\n");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (cpu.database("league_member") - cpuBefore) * 1_000_000 / people.size();
            member.rollback();
            System.out.printf("limit: COPY of the same %,d rows into person and membership: %.2f s = %,.0f rows/s, "
                    + "PostgreSQL %.0f CPU ms/1000 rows (rolled back)%n", people.size(), seconds,
                    people.size() / seconds, cpuMs);
            return people.size() / seconds;
        }
    }

    /**
     * The rows by {@code POST /api/members/bulk} through the gateway as 团中央's admin, {@value #BULK_BATCH} a request
     * from {@link #BULK_CLIENTS} clients at once, until every row is answered and member-service's outbox is empty
     * (every event relayed). Records rows/s against the COPY. Returns rows/s.
     */
    private double bulkEntry(Caller central, List<cn.league.seeder.Person> people, long[] branchOfRow,
                             double copyRate) throws Exception {
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < people.size(); from += BULK_BATCH) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = from; i < Math.min(people.size(), from + BULK_BATCH); i++) {
                rows.add(people.get(i).bulkRow(i - from + 1, branchOfRow[i]));
            }
            batches.add(JSON.writeValueAsString(Map.of("rows", rows)));
        }
        awaitQuiet("the bulk entry");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        StackCpu.Answering cpuBefore = cpu.answering("member-service", "league_member");
        double stackBefore = cpu.stack();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(BULK_CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < BULK_CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        Answer answer = unpaced(central, "/api/members/bulk", batches.get(b), retries);
                        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                        JsonNode result = JSON.readTree(answer.body());
                        stored.addAndGet(result.path("imported").asInt() + result.path("alreadyImported").asInt());
                        for (JsonNode row : result.path("rows")) {
                            if (row.path("status").asString().equals("REFUSED")) {
                                refused.add(row.path("violations").toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        double answered = (System.nanoTime() - start) / 1e9;
        StackDatabase.awaitOutboxEmpty(OFFSET);
        double seconds = (System.nanoTime() - start) / 1e9;
        StackCpu.Answering used = cpu.answering("member-service", "league_member").millisPer(people.size(), cpuBefore);
        double rate = people.size() / seconds;
        System.out.printf("bulk path: %,d rows in %.1f s (every batch answered after %.1f s, every event relayed "
                        + "after %.1f s) = %,.0f rows/s, %.0f %% of the COPY; CPU ms/1000 rows %.0f = gateway %.0f + "
                        + "member-service %.0f + its database %.0f; batches sent again after 502/503/504: %d%n",
                people.size(), seconds, answered, seconds, rate, rate / copyRate * 100, used.total() * 1000,
                used.gateway() * 1000, used.service() * 1000, used.database() * 1000, retries.get());
        assertThat(refused).as("rows refused (the first few)").isEmpty();
        assertThat(stored.get()).as("rows stored").isEqualTo(people.size());
        BenchFigure.of("seeded.bulk_entry", rate, "rows/s").higherIsBetter().limit("COPY of the same rows", copyRate)
                .cpu(used.total() * 1000, "ms/1000 rows").record();
        awaitQuiet("the transfers (the stack working off the new people: verification, statistics, copies)");
        System.out.printf("  the whole stack until at rest again (identity verification, statistics, the services' "
                + "copies): %.0f CPU ms/1000 rows%n", (cpu.stack() - stackBefore) * 1_000_000 / people.size());
        return rate;
    }

    /**
     * 办理转出 of the movers from the out-side's branches to the in-side's (R-TR-3) by the out-side's admin (their
     * branches' direct parent), and the approval by the in-side's (the new branch's direct parent), one request at a time
     * at the queries' pace; the first {@value #TRANSFER_WARM_UP} not counted (and waited for until transfer-service's
     * copy of the people knows them). Records the p50 and p95 of both steps and transfers/s beside the bare round
     * trip.
     */
    private void transfers(List<cn.league.seeder.Person> movers, Caller out, List<Long> inBranches, Caller in)
            throws Exception {
        Service service = SERVICES.get("transfer");
        Caller bare = new Caller(out.tokens(), null);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int i = 0; i < TRANSFER_WARM_UP; i++) {
            Answer started;
            while ((started = startTransfer(out, movers.get(i), inBranches.get(i % inBranches.size()))).status() == 404
                    && System.nanoTime() < deadline) {
                Thread.sleep(1_000); // transfer-service's copy of the people has not caught up yet
            }
            assertThat(started.status()).as("warm-up transfer: %s", started.body()).isEqualTo(201);
            Answer approved = send(in, "POST", "/api/transfers/" + JSON.readTree(started.body()).path("id").asLong()
                    + "/approval", "");
            assertThat(approved.status()).as("warm-up approval: %s", approved.body()).isEqualTo(200);
            call(bare, service.barePath());
        }
        int count = movers.size() - TRANSFER_WARM_UP;
        long[] bareNanos = new long[count];
        StackCpu.Answering cpuBefore = cpu.answering(service.part(), service.database());
        for (int i = 0; i < count; i++) {
            Answer answer = call(bare, service.barePath());
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            bareNanos[i] = answer.nanos();
        }
        StackCpu.Answering cpuStart = cpu.answering(service.part(), service.database());
        long[] startNanos = new long[count];
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            int m = TRANSFER_WARM_UP + i;
            Answer started = startTransfer(out, movers.get(m), inBranches.get(m % inBranches.size()));
            assertThat(started.status()).as("transfer of %s: %s", movers.get(m).idNumber(), started.body())
                    .isEqualTo(201);
            startNanos[i] = started.nanos();
            ids[i] = JSON.readTree(started.body()).path("id").asLong();
        }
        StackCpu.Answering cpuApprove = cpu.answering(service.part(), service.database());
        long[] approveNanos = new long[count];
        for (int i = 0; i < count; i++) {
            Answer approved = send(in, "POST", "/api/transfers/" + ids[i] + "/approval", "");
            assertThat(approved.status()).as("approval of transfer %d: %s", ids[i], approved.body()).isEqualTo(200);
            approveNanos[i] = approved.nanos();
        }
        StackCpu.Answering cpuEnd = cpu.answering(service.part(), service.database());
        StackCpu.Answering bareCpu = cpuStart.millisPer(count, cpuBefore);
        StackCpu.Answering startCpu = cpuApprove.millisPer(count, cpuStart);
        StackCpu.Answering approveCpu = cpuEnd.millisPer(count, cpuApprove);
        double bareP50 = millis(bareNanos, 0.50);
        double bareP95 = millis(bareNanos, 0.95);
        System.out.printf("%n%-72s %8s %8s %8s %8s %6s %38s %6s%n", "transfers of the new people (" + count
                        + ", one at a time, through the gateway)", "p50 ms", "p95 ms", "bare p50", "bare p95", "ratio",
                "CPU ms/request = gateway + service + db", "bare");
        for (var step : List.of(Map.entry("start", startNanos), Map.entry("approve", approveNanos))) {
            long[] nanos = step.getValue();
            StackCpu.Answering used = step.getKey().equals("start") ? startCpu : approveCpu;
            double p50 = millis(nanos, 0.50);
            double p95 = millis(nanos, 0.95);
            System.out.printf("%-72s %8.2f %8.2f %8.2f %8.2f %6.2f %6.2f = %5.2f + %5.2f + %5.2f %6.2f%n",
                    step.getKey().equals("start") ? "办理转出 (POST /api/transfers/out), the out-side's admin"
                            : "approval by the in-side (POST /api/transfers/{id}/approval)", p50, p95, bareP50,
                    bareP95, p95 / bareP95, used.total(), used.gateway(), used.service(), used.database(),
                    bareCpu.total());
            String name = "seeded.transfer." + step.getKey();
            BenchFigure.of(name + ".p50", p50, "ms").lowerIsBetter().limit("bare gateway round trip p50", bareP50)
                    .record();
            BenchFigure.of(name + ".p95", p95, "ms").lowerIsBetter().limit("bare gateway round trip p95", bareP95)
                    .cpu(used.total(), "ms/request").record();
        }
        double rate = perSecond(count, startNanos, approveNanos);
        double bareRate = perSecond(count, bareNanos, bareNanos);
        System.out.printf("transfers: %.1f/s one after another (start + approval, the pace's waits left out); two "
                        + "bare round trips %.1f/s; CPU %.2f ms/transfer%n", rate, bareRate,
                startCpu.total() + approveCpu.total());
        BenchFigure.of("seeded.transfer.rate", rate, "transfers/s").higherIsBetter()
                .limit("two bare gateway round trips", bareRate).cpu(startCpu.total() + approveCpu.total(),
                        "ms/transfer").record();
    }

    private Answer startTransfer(Caller out, cn.league.seeder.Person mover, long toBranch) throws Exception {
        return send(out, "POST", "/api/transfers/out", JSON.writeValueAsString(Map.of("idNumber", mover.idNumber(),
                "toOrgId", toBranch, "reason", "工作调动")));
    }

    /**
     * Until the stack has worked off what came before (every part together under a quarter of a core for 5 s, at
     * most 5 minutes), so each phase pays for its own work only.
     */
    private void awaitQuiet(String phase) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        double busy;
        do {
            double before = cpu.stack();
            Thread.sleep(5_000);
            busy = (cpu.stack() - before) / 5;
        } while (busy >= 0.25 && System.nanoTime() < deadline);
        System.out.printf("before %s: the stack %s after %.0f s (%.2f cores busy; load %s)%n", phase,
                busy < 0.25 ? "was at rest" : "was still busy", (System.nanoTime() - start) / 1e9, busy,
                loadAverage());
    }

    /**
     * A POST without the queries' pace (the bulk path's clients send at once), again after the gateway's 502/503/504
     * (its timeout or open circuit on a loaded machine): a batch sent again comes back ALREADY_IMPORTED for what was
     * stored meanwhile.
     */
    private Answer unpaced(Caller as, String path, String json, AtomicInteger retries) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + as.tokens().current())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (as.activeOrg() != null) {
                request.header("X-League-Org", as.activeOrg().toString());
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!List.of(502, 503, 504).contains(response.statusCode()) || attempt == 10) {
                return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
            }
            retries.incrementAndGet();
            Thread.sleep(2_000);
        }
    }

    /** The quantile (0..1) of these durations, in ms: the smallest value at or above that share of them. */
    static double millis(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.clamp((long) Math.ceil(quantile * sorted.length) - 1, 0, sorted.length - 1)] / 1e6;
    }

    /**
     * The org the most open transfers wait for, from the number waiting at each org (a transfer out of a branch waits
     * for the branch and its direct parent, FAQ 22); empty when none waits. Of equal counts the smaller id.
     */
    static Optional<Long> busiest(Map<Long, Integer> waitingPerOrg) {
        return waitingPerOrg.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .min((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(a.getKey(), b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey);
    }

    /** Every page of an org's children, 500 a page, remembered for the children-page scenario. */
    private List<Org> children(Caller as, long parent) throws Exception {
        List<Org> children = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = json(as, "/api/orgs/" + parent + "/children?size=500&after=" + after);
            for (JsonNode org : page.path("items")) {
                children.add(new Org(org.path("id").asLong(), org.path("parentId").asLong(),
                        org.path("fullName").asString(), org.path("type").asString()));
            }
            if (page.path("nextAfter").isNull() || page.path("nextAfter").isMissingNode()) {
                break;
            }
            after = page.path("nextAfter").asLong();
        }
        childrenOf.put(parent, children);
        return children;
    }

    /** The leading bodies among these orgs (the cities of a province, the counties of a city). */
    private static List<Org> bodies(List<Org> orgs) {
        return orgs.stream().filter(org -> org.type().equals("LEADING_BODY")).toList();
    }

    /** The org and the orgs below it, breadth first, asking for the children of at most {@code fetches} of them. */
    private List<Org> walk(Caller as, Org root, int fetches) throws Exception {
        List<Org> found = new ArrayList<>(List.of(root));
        Deque<Org> open = new ArrayDeque<>(List.of(root));
        int asked = 0;
        while (!open.isEmpty() && asked < fetches) {
            Org org = open.removeFirst();
            if (LEAVES.contains(org.type())) {
                continue;
            }
            List<Org> children = childrenOf.containsKey(org.id()) ? childrenOf.get(org.id()) : children(as, org.id());
            asked++;
            found.addAll(children);
            open.addAll(children);
        }
        return found;
    }

    /** The people (first page) of up to {@code branches} of these orgs' branches that have any. */
    private List<Person> people(Caller as, List<Org> orgs, int branches) throws Exception {
        List<Person> people = new ArrayList<>();
        int used = 0;
        for (Org org : orgs) {
            if (used == branches) {
                break;
            }
            if (!LEAVES.contains(org.type())) {
                continue;
            }
            JsonNode page = json(as, "/api/members/orgs/" + org.id() + "/people?size=100");
            int before = people.size();
            for (JsonNode person : page.path("items")) {
                people.add(new Person(person.path("idNumber").asString(), person.path("name").asString()));
            }
            used += people.size() > before ? 1 : 0;
        }
        assertThat(people).as("people in the branches below %s", orgs.getFirst().fullName()).isNotEmpty();
        return people;
    }

    /**
     * How many of the open transfers out of the province wait at each org: the branch each leaves and its direct
     * parent (the out-side's approvers of 办理转入, FAQ 22).
     */
    private Map<Long, Integer> openTransfersWaitingPerOrg(Caller as, long province) throws Exception {
        Map<Long, Integer> perBranch = new LinkedHashMap<>();
        long before = Long.MAX_VALUE;
        while (true) {
            JsonNode page = json(as, "/api/transfers/orgs/" + province + "/history?direction=OUT&state=OPEN&size=100"
                    + "&before=" + before);
            for (JsonNode transfer : page.path("items")) {
                perBranch.merge(transfer.path("fromBranchId").asLong(), 1, Integer::sum);
            }
            if (page.path("next").isNull() || page.path("next").isMissingNode()) {
                break;
            }
            before = page.path("next").asLong();
        }
        Map<Long, Integer> perOrg = new HashMap<>(perBranch);
        for (Map.Entry<Long, Integer> branch : perBranch.entrySet()) {
            long parent = json(as, "/api/orgs/" + branch.getKey()).path("parentId").asLong();
            perOrg.merge(parent, branch.getValue(), Integer::sum);
        }
        return perOrg;
    }

    /**
     * The demo admin as admin of the org, acting for it: registered with a code the parent's admin issues (R-ADM-3),
     * unless an earlier run did so; then every service must know the new rights (each keeps its own copy).
     */
    private Caller adminOf(String idNumber, Org org, Caller parentAdmin) throws Exception {
        AdminTokens tokens = new AdminTokens(keycloak, idNumber);
        Caller plain = new Caller(tokens, null);
        boolean already = false;
        for (JsonNode mine : json(plain, "/api/orgs/mine")) {
            already |= mine.path("orgId").asLong() == org.id() && mine.path("admin").asBoolean();
        }
        if (!already) {
            Answer code = send(parentAdmin, "POST", "/api/orgs/" + org.id() + "/admin-codes", "");
            assertThat(code.status()).as("admin code for %s: %s", org.fullName(), code.body()).isEqualTo(201);
            String name = json(plain, "/api/members/me/profile").path("name").asString();
            Answer registered = send(plain, "POST", "/api/orgs/admin-registrations", JSON.writeValueAsString(Map.of(
                    "code", JSON.readTree(code.body()).path("code").asString(), "name", name, "postTitle", "委员")));
            assertThat(registered.status()).as("%s registering as admin of %s: %s", idNumber, org.fullName(),
                    registered.body()).isEqualTo(201);
            System.out.printf("%s registered as admin of %s (%d)%n", idNumber, org.fullName(), org.id());
        }
        Caller admin = new Caller(tokens, org.id());
        List<String> scoped = List.of("/api/orgs/" + org.id(), "/api/members/orgs/" + org.id() + "/people?size=1",
                "/api/transfers/orgs/" + org.id() + "/waiting?size=1", "/api/stats/ops/counts?orgId=" + org.id());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (String path : scoped) {
            Answer answer;
            while ((answer = call(admin, path)).status() != 200) {
                if (System.nanoTime() > deadline) {
                    fail("%s as admin of %s: %d %s", path, org.fullName(), answer.status(), answer.body());
                }
                Thread.sleep(1_000);
            }
        }
        return admin;
    }

    /** The first page of the parent's children, or every other time the second when there is one. */
    private String childrenPage(long parent, int i) {
        List<Org> children = childrenOf.get(parent);
        long after = i % 2 == 1 && children.size() > 50 ? children.get(49).id() : 0;
        return "/api/orgs/" + parent + "/children?size=50&after=" + after;
    }

    private JsonNode json(Caller as, String path) throws Exception {
        Answer answer = call(as, path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private Answer call(Caller as, String path) throws Exception {
        return send(as, "GET", path, null);
    }

    /** One request, no sooner than the pace allows; the time from sending to the whole answer read. */
    private Answer send(Caller as, String method, String path, String json) throws Exception {
        long now = System.nanoTime();
        if (now < nextRequest) {
            Thread.sleep(Duration.ofNanos(nextRequest - now));
        }
        nextRequest = Math.max(now, nextRequest) + 1_000_000_000L / REQUESTS_PER_SECOND;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + as.tokens().current());
        if (as.activeOrg() != null) {
            request.header("X-League-Org", as.activeOrg().toString());
        }
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores";
    }
}
