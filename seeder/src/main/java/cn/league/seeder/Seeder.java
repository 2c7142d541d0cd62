package cn.league.seeder;

import java.io.PrintStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./league seed <scale>}: builds a generated country ({@link Scale}, {@link CountryPlan}) in a running stack
 * through its own APIs — org-service's bulk path ({@code POST /api/orgs/bulk}, a city or a county a request),
 * member-service's bulk path ({@code POST /api/members/bulk}, up to 5,000 people a request), 办理转入
 * ({@code POST /api/transfers/in}) for the open transfers and 团员注册 ({@code POST /api/accounts/member-registration})
 * for the pending self-registrations — printing progress, and each stage's time and rate at the end.
 * <p>
 * A second run with the same scale and seed makes nothing twice: the org bulk path answers each org already there,
 * member-service answers each person already entered (ALREADY_IMPORTED), a member with an open transfer is refused a
 * second (TRANSFER_ALREADY_OPEN, R-TR-1) and an ID registered once is refused again (R-AUTH-5); all of these count as
 * "there already". A run that stopped half-way is finished by running it again.
 */
public final class Seeder {

    static final int MEMBER_ROWS_PER_REQUEST = 5_000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String REGISTRATION_PASSWORD = "Seed-2026a";

    private final Options options;
    private final PrintStream out;
    private final LeagueClient client;
    private final LocalDate today = LocalDate.now(CHINA);
    private final CountryPlan plan;
    final Stage orgs = new Stage("orgs", "orgs");
    final Stage people = new Stage("people", "rows");
    final Stage transfers = new Stage("transfers", "transfers");
    final Stage registrations = new Stage("registrations", "registrations");
    private final List<Person> movers = new ArrayList<>();
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

    /** What to build and where; see {@link #usage()}. */
    record Options(Scale scale, long seed, URI gateway, URI keycloak, String login, String password,
                   String transferAdmin, String transferAdminPassword, String captchaAnswer, int parallel) {

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
                    given.getOrDefault("transfer-admin", "330110198905050055"),
                    given.getOrDefault("transfer-admin-password", "Zhtj@2026"),
                    given.getOrDefault("captcha-answer", env == null ? "" : env),
                    Integer.parseInt(given.getOrDefault("parallel", "2")));
            given.keySet().removeAll(List.of("seed", "gateway", "keycloak", "login", "password", "transfer-admin",
                    "transfer-admin-password", "captcha-answer", "parallel"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + usage());
            }
            return options;
        }
    }

    static String usage() {
        return """
                usage: seeder <town|province|national> [--seed 2026] [--gateway http://127.0.0.1:8080]
                       [--keycloak http://127.0.0.1:18080] [--login <团中央 admin> --password <password>]
                       [--transfer-admin <admin of a 团委/团工委/团总支> --transfer-admin-password <password>]
                       [--captcha-answer <the stack's fixed captcha answer>] [--parallel 2]""";
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
        return orgs.refused.get() + people.refused.get() + transfers.refused.get() + registrations.refused.get();
    }

    void run() {
        long began = System.nanoTime();
        out.printf("seeding %s (seed %d) through %s, %d requests in flight%n", options.scale.label(), options.seed,
                options.gateway, options.parallel);
        LeagueClient.Session central = client.login(options.login, options.password);
        Map<String, Long> provinces = provinces(central);
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
        for (Stage stage : List.of(orgs, people, transfers, registrations)) {
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

    private void province(LeagueClient.Session central, String code, long provinceId) {
        List<CountryPlan.City> cities = plan.cities(code, provinceId);
        record Unit(int city, int county, List<OrgRow> rows, long[] ids) {
        }
        List<Unit> units = new ArrayList<>();
        orgs.start();
        try {
            for (int c = 0; c < cities.size(); c++) {
                CountryPlan.City city = cities.get(c);
                long[] cityIds = createOrgs(central, city.rows());
                units.add(new Unit(c, -1, city.rows(), cityIds));
                for (int k = 0; k < city.counties().size(); k++) {
                    List<OrgRow> rows = new ArrayList<>(city.counties().get(k).rows());
                    rows.set(0, rows.get(0).under(cityIds[0]));
                    units.add(new Unit(c, k, rows, createOrgs(central, rows)));
                }
            }
        } finally {
            orgs.stop();
        }
        PeopleFactory factory = factories.computeIfAbsent(code, province -> new PeopleFactory(province,
                CountryPlan.REGIONS.get(province), today, options.scale == Scale.TOWN ? 900 : 0,
                options.scale == Scale.TOWN ? 900_000 : 0));
        // spread over the units, twice each one's share, so units with few fitting branches are made up for
        int moversPerUnit = 2 * Math.max(1, (int) Math.ceil(
                (double) options.scale.transfers / options.scale.provinceCodes.size() / units.size()));
        int registrationsPerUnit = 2 * Math.max(1, (int) Math.ceil(
                (double) options.scale.registrations / options.scale.provinceCodes.size() / units.size()));
        people.start();
        ExecutorService senders = Executors.newFixedThreadPool(options.parallel);
        Semaphore inFlight = new Semaphore(options.parallel * 2);
        List<Future<?>> sent = new ArrayList<>();
        try {
            List<Map<String, Object>> batch = new ArrayList<>(MEMBER_ROWS_PER_REQUEST);
            for (Unit unit : units) {
                RandomGenerator random = plan.peopleRandom(code, unit.city(), unit.county());
                int unitMovers = 0;
                int unitRegistrations = 0;
                for (int i = 0; i < unit.rows().size(); i++) {
                    OrgRow row = unit.rows().get(i);
                    long orgId = unit.ids()[i];
                    for (int n = 0; n < row.cadres(); n++) {
                        batch = flushIfFull(batch, senders, inFlight, central, sent);
                        batch.add(bulkRow(batch.size() + 1, "CADRE", orgId,
                                factory.cadre(random, PeopleFactory.POSTS.get(n % PeopleFactory.POSTS.size()))));
                    }
                    for (int n = 0; n < row.members(); n++) {
                        Person member = factory.member(random, row.band());
                        batch = flushIfFull(batch, senders, inFlight, central, sent);
                        batch.add(bulkRow(batch.size() + 1, "MEMBER", orgId, member));
                        if (n == 0 && row.band() == AgeBand.YOUTH && unitMovers < moversPerUnit
                                && movers.size() < options.scale.transfers) {
                            movers.add(member);
                            unitMovers++;
                        }
                    }
                    if (row.branch() && row.branchKind() == null && unitRegistrations < registrationsPerUnit
                            && registrationBranches.size() < options.scale.registrations) {
                        registrationBranches.add(new RegistrationTarget(orgId, code));
                        unitRegistrations++;
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

    private static Map<String, Object> bulkRow(int rowNumber, String kind, long orgId, Person person) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idNumber", person.idNumber());
        fields.put("name", person.name());
        fields.put("ethnicity", person.ethnicity());
        fields.put("politicalStatus", person.politicalStatus());
        fields.put("education", person.education());
        fields.put("joinDate", person.joinDate() == null ? null : person.joinDate().toString());
        fields.put("developmentNumber", person.developmentNumber());
        fields.put("mobile", person.mobile());
        fields.put("postTitle", person.postTitle());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rowNumber", rowNumber);
        row.put("kind", kind);
        row.put("orgId", orgId);
        row.put("person", fields);
        return row;
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

    /** 办理转入 (R-TR-2) of some members into the transfer admin's org: open until the out-side approves. */
    private void openTransfers() {
        if (movers.isEmpty()) {
            return;
        }
        transfers.start();
        try {
            LeagueClient.Session admin = client.login(options.transferAdmin, options.transferAdminPassword);
            long toOrg = admin.get("/api/orgs/mine").path(0).path("orgId").asLong();
            List<Person> pending = movers;
            for (int round = 1; !pending.isEmpty(); round++) {
                List<Person> notYetKnown = new ArrayList<>();
                for (Person member : pending) {
                    try {
                        admin.post("/api/transfers/in", Map.of("name", member.name(), "idNumber", member.idNumber(),
                                "toOrgId", toOrg, "reason", "工作调动"));
                        transfers.made.incrementAndGet();
                    } catch (LeagueClient.Refused refused) {
                        if (refused.code.equals("TRANSFER_ALREADY_OPEN")) {
                            transfers.existing.incrementAndGet();
                        } else if (refused.code.equals("PERSON_NOT_FOUND") && round < 30) {
                            notYetKnown.add(member); // transfer-service's copy of members follows a moment behind
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
        if (options.captchaAnswer.isBlank()) {
            out.println("registrations skipped: the public form needs a captcha answer; start the stack with "
                    + "LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER=<answer> and pass the same (or --captcha-answer)");
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
                form.put("password", REGISTRATION_PASSWORD);
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
                out.printf("  ... orgs %,d (%,.0f/s)  people %,d (%,.0f rows/s)  transfers %,d  registrations %,d%n",
                        orgs.done(), orgs.rate(), people.done(), people.rate(), transfers.done(),
                        registrations.done());
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
