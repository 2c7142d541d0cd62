package cn.league.seeder;

import java.io.PrintStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./league seed <scale>}: builds a generated country ({@link Scale}, {@link CountryPlan}) in a running stack
 * through its own APIs — as 团中央's admin, org-service's bulk path ({@code POST /api/orgs/bulk}, a city or a county a
 * request) and member-service's bulk path ({@code POST /api/members/bulk}, up to 5,000 people a request); then, per
 * city and county, its seeding login (the 团市委's or 团县委's 书记 just entered, {@link UnitAdmins}), given a password
 * the way a person is (a reset code from the admin above, {@code POST /api/members/people/{id}/reset-code}, and
 * 忘记密码, {@code POST /api/accounts/password-reset}), becomes admin of its 团委, its schools and its movers' orgs with
 * admin registration codes ({@code POST /api/orgs/{id}/admin-codes}, {@code POST /api/orgs/admin-registrations}),
 * marks every school class's graduation ({@code POST /api/orgs/graduation-marks}) and starts its movers' 办理转出
 * ({@code POST /api/transfers/out}, {@link TransferPlan}); and 团员注册 ({@code POST /api/accounts/member-registration})
 * for the pending self-registrations — printing progress, and each stage's time and rate at the end.
 * <p>
 * A second run with the same scale and seed makes nothing twice: the org bulk path answers each org already there,
 * member-service answers each person already entered (ALREADY_IMPORTED), a seeding login that logs in with its
 * password gets no new one, an org a login administers already is skipped (GET /api/orgs/mine), a class already
 * marked (or already a graduate branch) is left as it is, a member with an open transfer is refused a second
 * (TRANSFER_ALREADY_OPEN, R-TR-1) and an ID registered once is refused again (R-AUTH-5); all of these count as "there
 * already". A run that stopped half-way is finished by running it again.
 */
public final class Seeder {

    static final int MEMBER_ROWS_PER_REQUEST = 5_000;
    /** org-service marks at most 500 branches a request. */
    static final int MARKS_PER_REQUEST = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The password of the people the seeder registers and of the seeding logins. */
    private static final String PASSWORD = "Seed-2026a";
    private static final String ADMIN_POST = "委员";
    /** Refusals while a service's copy of people, admins or orgs has not caught up yet: asked again. */
    private static final Set<String> NOT_YET_KNOWN = Set.of("PERSON_NOT_FOUND", "NOT_BRANCH_OR_DIRECT_PARENT",
            "NOT_A_GRADUATE", "ORG_NOT_FOUND", "RESET_CODE_NOT_YOUR_MEMBER");

    private final Options options;
    private final PrintStream out;
    private final LeagueClient client;
    private final LocalDate today = LocalDate.now(CHINA);
    private final CountryPlan plan;
    final Stage orgs = new Stage("orgs", "orgs");
    final Stage people = new Stage("people", "rows");
    final Stage logins = new Stage("logins", "logins");
    final Stage admins = new Stage("admins", "orgs");
    final Stage marks = new Stage("marks", "classes");
    final Stage transfers = new Stage("transfers", "transfers");
    final Stage registrations = new Stage("registrations", "registrations");
    private final List<TransferPlan.Mover> movers = new ArrayList<>();
    private final List<TransferPlan.Receivers> receivers = new ArrayList<>();
    /** The orgs 团中央's admin administers. */
    private final Set<Long> administered = ConcurrentHashMap.newKeySet();
    /** Each request's worth of the tree's seeding login, by its index among the receivers. */
    private final Map<Integer, UnitLogin> unitLogins = new HashMap<>();
    private String loginName;
    private final List<RegistrationTarget> registrationBranches = new ArrayList<>();
    private final Map<String, PeopleFactory> factories = new HashMap<>();

    Seeder(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.client = new LeagueClient(options.gateway, options.keycloak);
        this.plan = new CountryPlan(options.scale, options.seed, today);
    }

    private record RegistrationTarget(long branchId, String provinceCode) {
    }

    /** A request's seeding login ({@link UnitAdmins}): the person, once logged in, and the orgs it administers. */
    private static final class UnitLogin {

        final Person person;
        final Set<Long> administered = ConcurrentHashMap.newKeySet();
        volatile LeagueClient.Session session;

        UnitLogin(Person person) {
            this.person = person;
        }
    }

    /** What to build and where; see {@link #usage()}. */
    record Options(Scale scale, long seed, URI gateway, URI keycloak, String login, String password,
                   String captchaAnswer, int parallel) {

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException(usage());
            }
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + usage());
                }
                given.put(args[i].substring(2), args[++i]);
            }
            String env = System.getenv("LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER");
            Options options = new Options(Scale.of(args[0]), Long.parseLong(given.getOrDefault("seed", "2026")),
                    URI.create(given.getOrDefault("gateway", "http://127.0.0.1:8080")),
                    URI.create(given.getOrDefault("keycloak", "http://127.0.0.1:18080")),
                    given.getOrDefault("login", "110101198505040117"),
                    given.getOrDefault("password", "Zhtj@2026"),
                    given.getOrDefault("captcha-answer", env == null ? "" : env),
                    Integer.parseInt(given.getOrDefault("parallel", "2")));
            given.keySet().removeAll(List.of("seed", "gateway", "keycloak", "login", "password", "captcha-answer",
                    "parallel"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + usage());
            }
            if (options.captchaAnswer.isBlank()) {
                throw new IllegalArgumentException("the seeding logins get their passwords through 忘记密码 and the "
                        + "registrations come through the public form, both behind the captcha: start the stack with "
                        + "LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=<answer> and give the seeder the same (or "
                        + "--captcha-answer)\n" + usage());
            }
            return options;
        }
    }

    static String usage() {
        return """
                usage: seeder <town|province|national> [--seed 2026] [--gateway http://127.0.0.1:8080]
                       [--keycloak http://127.0.0.1:18080] [--login <团中央 admin> --password <password>]
                       [--captcha-answer <the stack's fixed captcha answer; else LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER>]
                       [--parallel 2]""";
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        Seeder seeder = new Seeder(options, System.out);
        seeder.run();
        System.exit(seeder.refused() == 0 ? 0 : 1);
    }

    long refused() {
        return orgs.refused.get() + people.refused.get() + admins.refused.get() + marks.refused.get()
                + transfers.refused.get() + registrations.refused.get();
    }

    void run() {
        long began = System.nanoTime();
        out.printf("seeding %s (seed %d) through %s as %s, %d requests in flight%n", options.scale.label(),
                options.seed, options.gateway, options.login, options.parallel);
        LeagueClient.Session central = client.login(options.login, options.password);
        Map<String, Long> provinces = provinces(central);
        loginName = central.get("/api/members/me/profile").path("name").asString();
        for (JsonNode org : central.get("/api/orgs/mine")) {
            if (org.path("admin").asBoolean()) {
                administered.add(org.path("orgId").asLong());
            }
        }
        Thread ticker = Thread.ofPlatform().daemon().start(this::tick);
        try {
            for (String code : options.scale.provinceCodes) {
                Long provinceId = provinces.get(code);
                if (provinceId == null) {
                    throw new IllegalStateException("the tree has no provincial-level org with province code " + code);
                }
                province(central, code, provinceId);
            }
            openTransfers();
            register();
        } finally {
            ticker.interrupt();
        }
        out.println();
        out.printf("seeded %s in %.1f s:%n", options.scale.label(), (System.nanoTime() - began) / 1e9);
        for (Stage stage : List.of(orgs, people, logins, admins, marks, transfers, registrations)) {
            out.println("  " + stage.line());
            stage.reasons().forEach((reason, count) -> out.printf("      refused %,d: %s%n", count, reason));
        }
    }

    /** The provincial-level orgs by province code, from the tree itself. */
    private static Map<String, Long> provinces(LeagueClient.Session central) {
        Map<String, Long> provinces = new HashMap<>();
        JsonNode page = central.get("/api/orgs/1/children?size=500");
        for (JsonNode org : page.path("items")) {
            String code = org.path("provinceCode").asString(null);
            if (code != null) {
                provinces.put(code, org.path("id").asLong());
            }
        }
        return provinces;
    }

    /** One request's worth of the tree as created: its rows and the ids org-service gave them. */
    private record Unit(int city, int county, List<OrgRow> rows, long[] ids, int receiversIndex) {

        /** The id of the row's parent: an earlier row's, or for row 0 the org it was put under. */
        long parentOf(int row) {
            OrgRow org = rows.get(row);
            return org.parentRow() == null ? org.parentId() : ids[org.parentRow()];
        }
    }

    private void province(LeagueClient.Session central, String code, long provinceId) {
        List<CountryPlan.City> cities = plan.cities(code, provinceId);
        List<Unit> units = new ArrayList<>();
        orgs.start();
        try {
            for (int c = 0; c < cities.size(); c++) {
                CountryPlan.City city = cities.get(c);
                long[] cityIds = createOrgs(central, city.rows());
                units.add(unit(code, c, -1, city.rows(), cityIds));
                for (int k = 0; k < city.counties().size(); k++) {
                    List<OrgRow> rows = new ArrayList<>(city.counties().get(k).rows());
                    rows.set(0, rows.get(0).under(cityIds[0]));
                    units.add(unit(code, c, k, rows, createOrgs(central, rows)));
                }
            }
        } finally {
            orgs.stop();
        }
        Map<Integer, Set<Integer>> outSides = enterPeople(central, code, units);
        administer(central, provinceId, units, outSides);
        markGraduation(units);
    }

    private Unit unit(String code, int city, int county, List<OrgRow> rows, long[] ids) {
        receivers.add(TransferPlan.Receivers.of(code, rows, ids));
        return new Unit(city, county, rows, ids, receivers.size() - 1);
    }

    /**
     * The province's members and cadres, by the bulk path; picks the movers (the first member of some branches of
     * young people, and the first members of this year's graduates' classes, a few per request's worth and school
     * kind), the branches that get a self-registration and each request's seeding login (its row 0's first cadre).
     *
     * @return per request (by its index among the receivers), the rows whose admin starts the movers' transfers:
     *         their branches' direct parents
     */
    private Map<Integer, Set<Integer>> enterPeople(LeagueClient.Session central, String code, List<Unit> units) {
        PeopleFactory factory = factories.computeIfAbsent(code, province -> new PeopleFactory(province,
                CountryPlan.REGIONS.get(province), today, options.scale == Scale.TOWN ? 900 : 0,
                options.scale == Scale.TOWN ? 990 : 900, options.scale == Scale.TOWN ? 900_000 : 0));
        int provinces = options.scale.provinceCodes.size();
        int memberQuota = (int) Math.ceil((double) options.scale.transfers / provinces);
        int graduateQuota = (int) Math.ceil((double) options.scale.graduateTransfers / provinces);
        int registrationQuota = (int) Math.ceil((double) options.scale.registrations / provinces);
        // movers are spread over the requests, twice each one's share, so those with few fitting branches are made up
        // for
        int moversPerUnit = 2 * Math.max(1, (int) Math.ceil((double) memberQuota / units.size()));
        // graduates of each school kind a request holds (a city's universities, a county's three), a few each
        int graduatesPerBand = Math.max(1, (int) Math.ceil((double) graduateQuota / units.size() / 2));
        int registrationsPerUnit = 2 * Math.max(1, (int) Math.ceil((double) registrationQuota / units.size()));
        int members = 0;
        int graduates = 0;
        int registering = 0;
        Map<Integer, Set<Integer>> outSides = new HashMap<>();
        people.start();
        ExecutorService senders = Executors.newFixedThreadPool(options.parallel);
        Semaphore inFlight = new Semaphore(options.parallel * 2);
        List<Future<?>> sent = new ArrayList<>();
        try {
            List<Map<String, Object>> batch = new ArrayList<>(MEMBER_ROWS_PER_REQUEST);
            for (Unit unit : units) {
                RandomGenerator random = plan.peopleRandom(code, unit.city(), unit.county());
                Set<Integer> unitOutSides = outSides.computeIfAbsent(unit.receiversIndex(), u -> new HashSet<>());
                int unitMovers = 0;
                int unitRegistrations = 0;
                Map<AgeBand, Integer> unitGraduates = new EnumMap<>(AgeBand.class);
                for (int i = 0; i < unit.rows().size(); i++) {
                    OrgRow row = unit.rows().get(i);
                    long orgId = unit.ids()[i];
                    for (int n = 0; n < row.cadres(); n++) {
                        Person cadre = factory.cadre(random, PeopleFactory.POSTS.get(n % PeopleFactory.POSTS.size()));
                        batch = flushIfFull(batch, senders, inFlight, central, sent);
                        batch.add(cadre.bulkRow(batch.size() + 1, orgId));
                        if (i == 0 && n == 0) {
                            unitLogins.put(unit.receiversIndex(), new UnitLogin(cadre));
                        }
                    }
                    for (int n = 0; n < row.members(); n++) {
                        Person member = factory.member(random, row.band());
                        batch = flushIfFull(batch, senders, inFlight, central, sent);
                        batch.add(member.bulkRow(batch.size() + 1, orgId));
                        boolean moves = false;
                        if (n == 0 && row.band() == AgeBand.YOUTH && unitMovers < moversPerUnit
                                && members < memberQuota) {
                            unitMovers++;
                            members++;
                            moves = true;
                        } else if (row.band().graduated() && graduates < graduateQuota
                                && unitGraduates.getOrDefault(row.band(), 0) < graduatesPerBand) {
                            unitGraduates.merge(row.band(), 1, Integer::sum);
                            graduates++;
                            moves = true;
                        }
                        if (moves) {
                            movers.add(new TransferPlan.Mover(member, orgId, unit.parentOf(i),
                                    unit.receiversIndex(), row.band()));
                            unitOutSides.add(row.parentRow());
                        }
                    }
                    if (row.branch() && row.branchKind() == null && !row.band().graduated()
                            && unitRegistrations < registrationsPerUnit && registering < registrationQuota) {
                        registrationBranches.add(new RegistrationTarget(orgId, code));
                        unitRegistrations++;
                        registering++;
                    }
                }
            }
            if (!batch.isEmpty()) {
                sent.add(send(senders, inFlight, central, batch));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } catch (Exception failed) {
            throw new IllegalStateException("entering people failed: " + failed.getMessage(), failed);
        } finally {
            senders.shutdownNow();
            people.stop();
        }
        return outSides;
    }

    /**
     * Makes 团中央's admin admin of the province, and each request's seeding login ({@link UnitAdmins}) admin of its
     * 团委, its schools and its movers' orgs: the cities' logins first (their 团市委's codes from the province's
     * admin), then the counties' (their 团县委's codes from their city's login). Several requests at once.
     */
    private void administer(LeagueClient.Session central, long provinceId, List<Unit> units,
                            Map<Integer, Set<Integer>> outSides) {
        admins.start();
        try {
            if (administered.contains(provinceId)) {
                admins.existing.incrementAndGet();
            } else {
                becomeAdmin(central, central, provinceId, loginName, ADMIN_POST);
                administered.add(provinceId);
            }
        } finally {
            admins.stop();
        }
        Map<Integer, Unit> cities = new TreeMap<>();
        List<Unit> counties = new ArrayList<>();
        for (Unit unit : units) {
            if (unit.county() < 0) {
                cities.put(unit.city(), unit);
            } else {
                counties.add(unit);
            }
        }
        inParallel(logins, cities.values(), city -> logIn(city, central));
        inParallel(admins, cities.values(), city -> administer(city, central, outSides.get(city.receiversIndex())));
        inParallel(logins, counties, county -> logIn(county, login(cities.get(county.city())).session));
        inParallel(admins, counties, county -> administer(county, login(cities.get(county.city())).session,
                outSides.get(county.receiversIndex())));
    }

    private UnitLogin login(Unit unit) {
        UnitLogin login = unitLogins.get(unit.receiversIndex());
        if (login == null) {
            throw new IllegalStateException("no cadre entered for " + unit.rows().getFirst().fullName());
        }
        return login;
    }

    /**
     * The request's seeding login logged in: with its password where it has it already, else given it as a person
     * is (R-AUTH-3) — a reset code from the admin of its 团委's direct parent, then 忘记密码 with that code and the
     * captcha — which also ends the change of the initial password a first login would ask for (R-AUTH-2).
     */
    private void logIn(Unit unit, LeagueClient.Session parentAdmin) {
        UnitLogin login = login(unit);
        String idNumber = login.person.idNumber();
        try {
            login.session = client.login(idNumber, PASSWORD);
            logins.existing.incrementAndGet();
        } catch (LeagueClient.Refused notYet) {
            if (!notYet.code.equals("LOGIN_FAILED")) {
                throw notYet;
            }
            String resetCode = untilKnown(() -> parentAdmin.post("/api/members/people/" + idNumber + "/reset-code",
                    Map.of())).path("resetCode").asString();
            String captcha = client.postAnonymous("/api/accounts/captcha", Map.of()).path("captchaId").asString();
            client.postAnonymous("/api/accounts/password-reset", Map.of("idNumber", idNumber, "newPassword", PASSWORD,
                    "resetCode", resetCode, "captchaId", captcha, "captchaAnswer", options.captchaAnswer));
            login.session = client.login(idNumber, PASSWORD);
            logins.made.incrementAndGet();
        }
        for (JsonNode org : login.session.get("/api/orgs/mine")) {
            if (org.path("admin").asBoolean()) {
                login.administered.add(org.path("orgId").asLong());
            }
        }
    }

    /**
     * The request's login becomes admin of the orgs {@link UnitAdmins} names, top down: of its 团委 with a code from
     * the admin above, of the others with codes it issues itself (R-ADM-3), naming its own post in its 团委 and 委员
     * elsewhere (R-ADM-2).
     */
    private void administer(Unit unit, LeagueClient.Session parentAdmin, Set<Integer> outSides) {
        UnitLogin login = login(unit);
        for (int row : UnitAdmins.rows(unit.rows(), outSides)) {
            long orgId = unit.ids()[row];
            if (login.administered.contains(orgId)) {
                admins.existing.incrementAndGet();
                continue;
            }
            becomeAdmin(row == 0 ? parentAdmin : login.session, login.session, orgId, login.person.name(),
                    row == 0 ? login.person.postTitle() : ADMIN_POST);
            login.administered.add(orgId);
        }
    }

    /** 管理员注册 with a code the direct parent's admin issued for the org. */
    private void becomeAdmin(LeagueClient.Session issuer, LeagueClient.Session registering, long orgId, String name,
                             String postTitle) {
        try {
            String code = issuer.post("/api/orgs/" + orgId + "/admin-codes", Map.of()).path("code").asString();
            registering.post("/api/orgs/admin-registrations", Map.of("code", code, "name", name,
                    "postTitle", postTitle));
            admins.made.incrementAndGet();
        } catch (LeagueClient.Refused refused) {
            if (refused.code.equals("ALREADY_ADMIN")) {
                admins.existing.incrementAndGet();
            } else {
                admins.refusedFor(refused.code + " " + refused.getMessage());
            }
        }
    }

    /** The action on each unit, {@code --parallel} at a time, timed as the stage. */
    private void inParallel(Stage stage, Collection<Unit> units, Consumer<Unit> action) {
        stage.start();
        ExecutorService workers = Executors.newFixedThreadPool(options.parallel);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Unit unit : units) {
                done.add(workers.submit(() -> action.accept(unit)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } catch (Exception failed) {
            throw new IllegalStateException(stage.name + " failed: " + failed.getMessage(), failed);
        } finally {
            workers.shutdownNow();
            stage.stop();
        }
    }

    /** The call, asked again for up to a minute while its refusal says a service has not caught up yet. */
    private static JsonNode untilKnown(Supplier<JsonNode> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (LeagueClient.Refused refused) {
                if (!NOT_YET_KNOWN.contains(refused.code) || attempt >= 30) {
                    throw refused;
                }
            }
            sleep(2_000);
        }
    }

    /**
     * 标记团支部毕业时间 (R-GRAD-1) of every school class as the plan has it, a request's worth of the tree and a year
     * at a time, by the request's login as admin of its schools; this year's become 毕业生团组织 at once (R-GRAD-3).
     * A class already marked so, or already a graduate branch, is left as it is. Several requests at once.
     */
    private void markGraduation(List<Unit> units) {
        inParallel(marks, units, unit -> markGraduation(unit, login(unit).session));
    }

    private void markGraduation(Unit unit, LeagueClient.Session admin) {
        Map<Long, List<Integer>> classesByParent = new LinkedHashMap<>();
        for (int i = 0; i < unit.rows().size(); i++) {
            if (unit.rows().get(i).graduationYear() != null) {
                classesByParent.computeIfAbsent(unit.parentOf(i), parent -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, List<Long>> toMark = new TreeMap<>();
        for (Map.Entry<Long, List<Integer>> school : classesByParent.entrySet()) {
            Map<Long, JsonNode> now = children(admin, school.getKey());
            for (int i : school.getValue()) {
                long id = unit.ids()[i];
                int year = unit.rows().get(i).graduationYear();
                JsonNode org = now.get(id);
                if (org != null && (org.path("type").asString().equals("GRADUATE_BRANCH")
                        || org.path("graduationYear").asInt(0) == year)) {
                    marks.existing.incrementAndGet();
                } else {
                    toMark.computeIfAbsent(year, y -> new ArrayList<>()).add(id);
                }
            }
        }
        toMark.forEach((year, ids) -> {
            for (int from = 0; from < ids.size(); from += MARKS_PER_REQUEST) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MARKS_PER_REQUEST));
                try {
                    admin.post("/api/orgs/graduation-marks", Map.of("branchIds", chunk, "graduationYear", year));
                    marks.made.addAndGet(chunk.size());
                } catch (LeagueClient.Refused refused) {
                    for (int n = 0; n < chunk.size(); n++) {
                        marks.refusedFor(refused.code + " " + refused.getMessage());
                    }
                }
            }
        });
    }

    /** The org's children by id, page by page. */
    private static Map<Long, JsonNode> children(LeagueClient.Session session, long orgId) {
        Map<Long, JsonNode> children = new HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = session.get("/api/orgs/" + orgId + "/children?size=500&after=" + after);
            for (JsonNode child : page.path("items")) {
                children.put(child.path("id").asLong(), child);
            }
            if (page.path("nextAfter").isNull() || page.path("nextAfter").isMissingNode()) {
                return children;
            }
            after = page.path("nextAfter").asLong();
        }
    }

    /** The batch, or a new one once the batch holds a request's worth and has been sent. */
    private List<Map<String, Object>> flushIfFull(List<Map<String, Object>> batch, ExecutorService senders,
                                                  Semaphore inFlight, LeagueClient.Session central,
                                                  List<Future<?>> sent) throws InterruptedException {
        if (batch.size() < MEMBER_ROWS_PER_REQUEST) {
            return batch;
        }
        sent.add(send(senders, inFlight, central, batch));
        return new ArrayList<>(MEMBER_ROWS_PER_REQUEST);
    }

    private long[] createOrgs(LeagueClient.Session central, List<OrgRow> rows) {
        List<Map<String, Object>> body = new ArrayList<>(rows.size());
        for (OrgRow row : rows) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("type", row.type());
            org.put("branchKind", row.branchKind());
            org.put("domain", row.domain());
            org.put("schoolLevel", row.schoolLevel());
            org.put("fullName", row.fullName());
            org.put("shortName", row.shortName());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("parentId", row.parentId());
            entry.put("parentRow", row.parentRow());
            entry.put("org", org);
            body.add(entry);
        }
        JsonNode result = central.post("/api/orgs/bulk", Map.of("rows", body));
        long[] ids = new long[rows.size()];
        int i = 0;
        for (JsonNode row : result.path("rows")) {
            ids[i++] = row.path("id").asLong();
        }
        orgs.made.addAndGet(result.path("created").asLong());
        orgs.existing.addAndGet(result.path("existing").asLong());
        return ids;
    }

    private Future<?> send(ExecutorService senders, Semaphore inFlight, LeagueClient.Session central,
                           List<Map<String, Object>> batch) throws InterruptedException {
        inFlight.acquire();
        return senders.submit(() -> {
            try {
                enter(central, batch);
            } finally {
                inFlight.release();
            }
        });
    }

    /**
     * One bulk request; rows refused because member-service's tree replica does not know their org yet (it follows
     * org-service's events a moment behind) are sent again, up to a minute later.
     */
    private void enter(LeagueClient.Session central, List<Map<String, Object>> batch) {
        List<Map<String, Object>> rows = batch;
        for (int attempt = 1; ; attempt++) {
            JsonNode result = central.post("/api/members/bulk", Map.of("rows", rows));
            people.made.addAndGet(result.path("imported").asLong());
            people.existing.addAndGet(result.path("alreadyImported").asLong());
            List<Map<String, Object>> again = new ArrayList<>();
            int i = 0;
            for (JsonNode outcome : result.path("rows")) {
                Map<String, Object> row = rows.get(i++);
                if (!outcome.path("status").asString().equals("REFUSED")) {
                    continue;
                }
                JsonNode first = outcome.path("violations").path(0);
                if (first.path("code").asString().equals("ORG_NOT_FOUND") && attempt < 30) {
                    again.add(row);
                } else {
                    people.refusedFor(first.path("code").asString() + " " + first.path("message").asString());
                }
            }
            if (again.isEmpty()) {
                return;
            }
            rows = again;
            sleep(2_000);
        }
    }

    /**
     * 办理转出 (R-TR-3) of the movers by their request's login as admin of their branches' direct parents, to receiving
     * orgs all over the generated tree ({@link TransferPlan}); graduates name their destination (R-TR-11). Open until
     * the in-side approves. Refusals while transfer-service's copies of the people, their graduate flags and the
     * admins have not caught up are asked again, for up to a minute.
     */
    private void openTransfers() {
        if (movers.isEmpty()) {
            return;
        }
        transfers.start();
        try {
            List<TransferPlan.Planned> pending = TransferPlan.plan(movers, receivers);
            for (int round = 1; !pending.isEmpty(); round++) {
                List<TransferPlan.Planned> notYetKnown = new ArrayList<>();
                for (TransferPlan.Planned transfer : pending) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("idNumber", transfer.mover().person().idNumber());
                    body.put("toOrgId", transfer.toOrgId());
                    body.put("reason", transfer.reason());
                    body.put("destinationType", transfer.destinationType());
                    body.put("employerLocationOrgId", transfer.employerLocationOrgId());
                    try {
                        unitLogins.get(transfer.mover().unit()).session.post("/api/transfers/out", body);
                        transfers.made.incrementAndGet();
                    } catch (LeagueClient.Refused refused) {
                        if (refused.code.equals("TRANSFER_ALREADY_OPEN")) {
                            transfers.existing.incrementAndGet();
                        } else if (NOT_YET_KNOWN.contains(refused.code) && round < 30) {
                            notYetKnown.add(transfer);
                        } else {
                            transfers.refusedFor(refused.code + " " + refused.getMessage());
                        }
                    }
                }
                pending = notYetKnown;
                if (!pending.isEmpty()) {
                    sleep(2_000);
                }
            }
        } finally {
            transfers.stop();
        }
    }

    /** 团员注册 (R-AUTH-4) of new people into branches: pending until the branch's admin decides. */
    private void register() {
        if (registrationBranches.isEmpty()) {
            return;
        }
        registrations.start();
        try {
            Map<String, RandomGenerator> randoms = new HashMap<>();
            for (RegistrationTarget target : registrationBranches) {
                RandomGenerator random = randoms.computeIfAbsent(target.provinceCode(),
                        code -> plan.peopleRandom(code, -2, -2));
                Person person = factories.get(target.provinceCode()).member(random, AgeBand.YOUTH);
                long branch = target.branchId();
                String captcha = client.postAnonymous("/api/accounts/captcha", Map.of()).path("captchaId").asString();
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("idNumber", person.idNumber());
                form.put("name", person.name());
                form.put("password", PASSWORD);
                form.put("mobile", person.mobile() == null ? "13900000000" : person.mobile());
                form.put("orgId", branch);
                form.put("kind", "MEMBER");
                form.put("politicalStatus", person.politicalStatus());
                form.put("ethnicity", person.ethnicity());
                form.put("education", person.education());
                form.put("joinDate", person.joinDate().toString());
                form.put("developmentNumber", person.developmentNumber());
                form.put("captchaId", captcha);
                form.put("captchaAnswer", options.captchaAnswer);
                try {
                    client.postAnonymous("/api/accounts/member-registration", form);
                    registrations.made.incrementAndGet();
                } catch (LeagueClient.Refused refused) {
                    if (refused.status == 409) {
                        registrations.existing.incrementAndGet();
                    } else {
                        registrations.refusedFor(refused.code + " " + refused.getMessage());
                    }
                }
            }
        } finally {
            registrations.stop();
        }
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(10_000);
                out.printf("  ... orgs %,d (%,.0f/s)  people %,d (%,.0f rows/s)  logins %,d  admins %,d  marks %,d  "
                        + "transfers %,d  registrations %,d%n", orgs.done(), orgs.rate(), people.done(), people.rate(),
                        logins.done(), admins.done(), marks.done(), transfers.done(), registrations.done());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
