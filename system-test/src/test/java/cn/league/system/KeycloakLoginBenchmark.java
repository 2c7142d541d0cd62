package cn.league.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins through Keycloak's extension (R-AUTH-2) on this machine, against the real stack of {@code ./league up}, and
 * for comparison what the extension avoids: creating users one by one through Keycloak's admin API, each with a
 * password hash. Prints its figures; run by the {@code benchmark} profile only:
 * <pre>
 * ./mvnw -B -pl system-test -am -Pbenchmark verify -Dtest=KeycloakLoginBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * </pre>
 * {@code -Dbenchmark.people} (default 300) people log in, {@code -Dbenchmark.threads} (4) at a time, through
 * Keycloak's browser flow as the gateway starts it (client {@code league-gateway}, PKCE), with the captcha (its answer
 * read from the test-only provider: one extra small request per login), up to Keycloak's redirect back to the gateway
 * with an authorization code; the gateway's side is left out. {@code -Dbenchmark.admin-api-users} (10000) users are
 * created through the admin API. Records ({@link BenchFigure}) each rate, the completed logins and the password changes
 * against the limit measured in the same run: Argon2id hashes per second with Keycloak's default parameters, as many
 * threads at a time as the logins (each login verifies one hash, each change makes one), and the CPU of Keycloak and
 * member-service (its user lookup) per login.
 */
@Tag("benchmark")
class KeycloakLoginBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PEOPLE = Integer.getInteger("benchmark.people", 300);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
    private static final int ADMIN_API_USERS = Integer.getInteger("benchmark.admin-api-users", 10_000);
    private static final String NEW_PASSWORD = "Bench2026pw";
    private static final String CALLBACK = LeagueStack.gateway() + "/login/oauth2/code/keycloak";
    private static final String PKCE_CHALLENGE = pkceChallenge("benchmark-benchmark-benchmark-benchmark-benchmark");

    @BeforeAll
    static void startTheStack() throws Exception {
        LeagueStack.league(Duration.ofMinutes(2), "down");
        LeagueStack.forgetState();
        LeagueStack.Result up = LeagueStack.league(Duration.ofMinutes(12), "up");
        assertThat(up.exitCode()).as("./league up:\n%s", up.output()).isZero();
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        LeagueStack.league(Duration.ofMinutes(3), "down");
    }

    @Test
    void loginsThroughTheExtensionAndUsersThroughTheAdminApi() throws Exception {
        List<String> people = enterPeople();
        double hashes = bareHashRate(Math.max(50, PEOPLE / 4));

        List<Browser> atPasswordPage = new ArrayList<>();
        List<HttpResponse<String>> passwordPages = new ArrayList<>();
        double firstLogins = rate("first logins (login page, captcha, ID + initial password, up to the password-change page)",
                people, idNumber -> {
                    Browser browser = new Browser(CALLBACK);
                    HttpResponse<String> page = browser.logIn(browser.get(authorizationUrl()), idNumber,
                            idNumber.substring(10));
                    assertThat(page.body()).contains("kc-passwd-update-form");
                    synchronized (atPasswordPage) {
                        atPasswordPage.add(browser);
                        passwordPages.add(page);
                    }
                });
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < atPasswordPage.size(); i++) {
            indexes.add(i);
        }
        double cpu = keycloakAndMemberServiceCpu();
        double changes = rate("new passwords set (Keycloak hashes each), up to the code for the gateway", indexes, i -> {
            assertIssuesACode(atPasswordPage.get(i).setNewPassword(passwordPages.get(i), NEW_PASSWORD));
        });
        double changesCpu = keycloakAndMemberServiceCpu() - cpu;
        cpu = keycloakAndMemberServiceCpu();
        double logins = rate("completed logins with the own password (login page, captcha, form, code for the gateway)",
                people, idNumber -> {
                    Browser browser = new Browser(CALLBACK);
                    assertIssuesACode(browser.logIn(browser.get(authorizationUrl()), idNumber, NEW_PASSWORD));
                });

        double loginsCpu = keycloakAndMemberServiceCpu() - cpu;
        cpu = keycloakAndMemberServiceCpu();
        long started = System.nanoTime();
        createUsersThroughTheAdminApi(ADMIN_API_USERS);
        double adminApiCpu = keycloakAndMemberServiceCpu() - cpu;
        Duration adminApi = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("%n=== Keycloak logins through the extension (%d people, %d at a time, %d cores) ===%n",
                people.size(), THREADS, Runtime.getRuntime().availableProcessors());
        System.out.printf("first logins up to the password-change page: %.1f /s%n", firstLogins);
        System.out.printf("forced password changes:                     %.1f /s%n", changes);
        System.out.printf("completed logins with the own password:      %.1f /s%n", logins);
        System.out.printf("%d users created one by one through the admin API (password hashed each): %s = %.1f /s"
                        + " (-> %.0f h for 10 million)%n", ADMIN_API_USERS, adminApi,
                ADMIN_API_USERS / (adminApi.toNanos() / 1e9),
                10_000_000.0 / (ADMIN_API_USERS / (adminApi.toNanos() / 1e9)) / 3600);
        String argon2 = "Argon2id hashes, " + THREADS + " threads";
        BenchFigure.of("login.first_logins", firstLogins, "logins/s").higherIsBetter().record();
        BenchFigure.of("login.password_changes", changes, "changes/s").higherIsBetter().limit(argon2, hashes)
                .cpu(changesCpu * 1000 / people.size(), "ms/change").record();
        BenchFigure.of("login.completed", logins, "logins/s").higherIsBetter().limit(argon2, hashes)
                .cpu(loginsCpu * 1000 / people.size(), "ms/login").record();
        BenchFigure.of("login.admin_api_users", ADMIN_API_USERS / (adminApi.toNanos() / 1e9), "users/s")
                .higherIsBetter().limit(argon2, hashes).cpu(adminApiCpu * 1000 / ADMIN_API_USERS, "ms/user").record();
    }

    /**
     * Argon2id hashes per second in this JVM, {@link #THREADS} at a time, with Keycloak's default parameters
     * (Argon2Parameters of keycloak-crypto-default: version 1.3, 32-byte hash, 7,168 KiB, 5 iterations, parallelism
     * 1, a 16-byte salt): what no login can beat on this machine, as each verifies one hash.
     */
    private static double bareHashRate(int count) throws Exception {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(7168).withIterations(5)
                .withParallelism(1).withSalt("league-benchmark".getBytes(StandardCharsets.US_ASCII)).build();
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(i);
        }
        rate("bare Argon2id hashes (warm-up)", items.subList(0, count / 5), i -> hash(parameters));
        return rate("bare Argon2id hashes", items, i -> hash(parameters));
    }

    private static void hash(Argon2Parameters parameters) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        generator.generateBytes(NEW_PASSWORD.toCharArray(), new byte[32]);
    }

    /** CPU seconds Keycloak's and member-service's process groups used so far. */
    private static double keycloakAndMemberServiceCpu() throws Exception {
        double seconds = 0;
        for (String part : List.of("keycloak", "member-service")) {
            seconds += CpuTime.processGroupSeconds(Long.parseLong(
                    Files.readString(LeagueStack.HOME.resolve("run/" + part + ".pid")).strip()));
        }
        return seconds;
    }

    /** Keycloak's login as the gateway starts it: authorization code with PKCE, back to the gateway's callback. */
    private static String authorizationUrl() {
        return LeagueStack.keycloak() + "/realms/league/protocol/openid-connect/auth?client_id=league-gateway"
                + "&response_type=code&scope=openid&state=benchmark&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                // the code is never redeemed: any valid challenge does
                + "&code_challenge_method=S256&code_challenge=" + PKCE_CHALLENGE;
    }

    private static void assertIssuesACode(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK).contains("code=");
    }

    /** {@link #PEOPLE} members entered through the gateway's bulk path into a class branch of 浙江大学. */
    private static List<String> enterPeople() throws Exception {
        String admin = token(LeagueStack.DEMO_ADMIN_ID, LeagueStack.DEMO_ADMIN_PASSWORD);
        long branch = JSON.readTree(send(HttpRequest.newBuilder(URI.create(LeagueStack.gateway()
                        + "/api/orgs/" + childNamed(childNamed(12, "共青团浙江大学委员会", admin), "计算机科学与技术学院团委", admin)
                        + "/children")).header("Authorization", "Bearer " + admin).GET()).body())
                .path("items").get(0).path("id").asLong();
        List<String> people = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String idNumber = IdNumbers.of(LocalDate.of(2004, 1, 1).plusDays(i / 1000), i % 1000);
            people.add(idNumber);
            rows.add("""
                    {"rowNumber":%d,"kind":"MEMBER","orgId":%d,"person":{"idNumber":"%s","name":"压测%d",
                     "politicalStatus":"共青团员","joinDate":"2020-05-04","developmentNumber":"202033%06d"}}"""
                    .formatted(i + 1, branch, idNumber, i, i));
        }
        String batch = "{\"rows\":[" + String.join(",", rows) + "]}";
        // member-service learns the demo orgs from org-service's events a moment after start
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> entered = send(HttpRequest.newBuilder(URI.create(LeagueStack.gateway()
                            + "/api/members/bulk"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)));
            if (entered.statusCode() == 200 && JSON.readTree(entered.body()).path("refused").asInt() == 0) {
                return people;
            }
            assertThat(System.nanoTime()).as("people entered: %s", entered.body()).isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    /** Runs {@code step} for every item, {@link #THREADS} at a time; the items per second. */
    private static <T> double rate(String what, List<T> items, Step<T> step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        step.run(items.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %d in %.1f s%n", what, items.size(), seconds);
        return items.size() / seconds;
    }

    /**
     * Sequential creations, as a provisioning job would do them; the admin token (1 min) is renewed as it goes. The
     * password is the initial one with a lower-case prefix, as the realm's password policy wants one.
     */
    private static void createUsersThroughTheAdminApi(int count) throws Exception {
        long started = System.nanoTime();
        String token = null;
        long tokenAt = 0;
        for (int i = 0; i < count; i++) {
            if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(45).toNanos()) {
                token = adminToken();
                tokenAt = System.nanoTime();
            }
            String idNumber = IdNumbers.of(LocalDate.of(1995, 1, 1).plusDays(i / 1000), i % 1000);
            String user = """
                    {"username":"%s","enabled":true,"firstName":"预置%d",
                     "credentials":[{"type":"password","value":"zhtj%s","temporary":true}]}"""
                    .formatted(idNumber, i, idNumber.substring(10));
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(LeagueStack.keycloak()
                            + "/admin/realms/league/users"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(user)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            if ((i + 1) % 1000 == 0) {
                System.out.printf("admin API: %d users in %.1f s%n", i + 1, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(LeagueStack.keycloak()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static String token(String username, String password) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(LeagueStack.keycloak()
                        + "/realms/league/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=league-api&username="
                        + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static long childNamed(long parentId, String fullName, String token) throws Exception {
        for (JsonNode child : JSON.readTree(send(HttpRequest.newBuilder(URI.create(LeagueStack.gateway()
                + "/api/orgs/" + parentId + "/children?size=500")).header("Authorization", "Bearer " + token)
                .GET()).body()).path("items")) {
            if (fullName.equals(child.path("fullName").asString())) {
                return child.path("id").asLong();
            }
        }
        throw new AssertionError(fullName + " is not a child of " + parentId);
    }

    private static String pkceChallenge(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Step<T> {
        void run(T item) throws Exception;
    }
}
