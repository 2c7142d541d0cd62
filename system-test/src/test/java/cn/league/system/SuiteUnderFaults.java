package cn.league.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 2: work that keeps arriving through the gateway while parts of the suite fail, and the reconciliation
 * afterwards. Three streams run on their own threads — entries of new members, transfers (started by the park's admin,
 * approved by the street's) and new branches in the org tree — and count what the gateway accepted (2xx) and what got
 * no clear answer (a 5xx, a timeout, a refused connection: the effect may or may not exist). Nothing is retried: a
 * request whose answer was lost is exactly the case that must not double.
 */
final class SuiteUnderFaults implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every database whose service writes an outbox, and those that keep a replica of org-service's tree. */
    static final List<String> OUTBOX_DATABASES = List.of("league_org", "league_member", "league_transfer",
            "league_import", "league_stats", "league_identity");
    static final List<String> REPLICA_DATABASES = List.of("league_member", "league_transfer", "league_import",
            "league_stats", "league_identity");

    private final AdminTokens entering;
    private final AdminTokens park;
    private final AdminTokens street;
    private final long entryBranch;
    private final long parkOrg;
    private final long toBranch;
    private final List<String> toMove;

    final Set<String> entered = ConcurrentHashMap.newKeySet();
    final Set<String> enteredUnclear = ConcurrentHashMap.newKeySet();
    final Set<String> moved = ConcurrentHashMap.newKeySet();
    final AtomicInteger transfersUnclear = new AtomicInteger();
    final Set<Long> branchesCreated = ConcurrentHashMap.newKeySet();
    final AtomicInteger branchesUnclear = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    private volatile boolean running = true;
    private final List<Thread> streams = new ArrayList<>();

    /**
     * @param toMove members of a branch of the park, known to every service, each moved once to {@code toBranch}
     */
    SuiteUnderFaults(AdminTokens entering, AdminTokens park, AdminTokens street, long entryBranch, long parkOrg,
                     long toBranch, List<String> toMove) {
        this.entering = entering;
        this.park = park;
        this.street = street;
        this.entryBranch = entryBranch;
        this.parkOrg = parkOrg;
        this.toBranch = toBranch;
        this.toMove = toMove;
    }

    /** New members' ID numbers: born in 2007 in 杭州市西湖区, none used by another step. */
    static String memberId(int n) {
        return IdNumbers.of(LocalDate.of(2007, 1, 1).plusDays(n / 900), 100 + n % 900);
    }

    static String member(String idNumber, String name) {
        return """
                {"idNumber":"%s","name":"%s","ethnicity":"汉族","politicalStatus":"共青团员","education":"本科",
                 "joinDate":"2022-05-04","developmentNumber":"202233%s","mobile":"13800000000"}""".formatted(
                idNumber, name, idNumber.substring(11, 17));
    }

    void start() {
        streams.add(Thread.ofVirtual().name("entries").start(this::enterMembers));
        streams.add(Thread.ofVirtual().name("transfers").start(this::moveMembers));
        streams.add(Thread.ofVirtual().name("branches").start(this::createBranches));
    }

    private void enterMembers() {
        for (int n = 0; running; n++) {
            String idNumber = memberId(n);
            Outcome outcome = call("POST", "/api/members/orgs/" + entryBranch + "/members",
                    member(idNumber, "容错" + n), entering);
            switch (outcome) {
                case ACCEPTED -> entered.add(idNumber);
                case UNCLEAR -> enteredUnclear.add(idNumber);
                case REFUSED -> refused.incrementAndGet();
            }
            pause(100);
        }
    }

    private void moveMembers() {
        for (String idNumber : toMove) {
            if (!running) {
                return;
            }
            moveMember(idNumber);
            // 40 moves spread over the faults (a few minutes), not used up while transfer-service is down
            pause(5_000);
        }
    }

    private void moveMember(String idNumber) {
        String out = """
                {"idNumber":"%s","toOrgId":%d,"reason":"工作调动"}""".formatted(idNumber, toBranch);
        HttpResponse<String> started = send("POST", "/api/transfers/out", out, park);
        if (started == null || started.statusCode() >= 500) {
            transfersUnclear.incrementAndGet();
            return;
        }
        if (started.statusCode() != 201) {
            refused.incrementAndGet();
            return;
        }
        String transfer = JSON.readTree(started.body()).path("id").asString();
        switch (call("POST", "/api/transfers/" + transfer + "/approval", "", street)) {
            case ACCEPTED -> moved.add(idNumber);
            case UNCLEAR -> transfersUnclear.incrementAndGet();
            case REFUSED -> refused.incrementAndGet();
        }
    }

    private void createBranches() {
        for (int n = 0; running; n++) {
            String branch = """
                    {"type":"BRANCH","domain":"PRIVATE_ENTERPRISE","fullName":"容错测试%d有限公司团支部",
                     "shortName":"容错测试%d团支部"}""".formatted(n, n);
            HttpResponse<String> created = send("POST", "/api/orgs/" + parkOrg + "/children", branch, park);
            if (created == null || created.statusCode() >= 500) {
                branchesUnclear.incrementAndGet();
            } else if (created.statusCode() == 201) {
                branchesCreated.add(JSON.readTree(created.body()).path("id").asLong());
            } else {
                refused.incrementAndGet();
            }
            pause(1000);
        }
    }

    private enum Outcome { ACCEPTED, UNCLEAR, REFUSED }

    private Outcome call(String method, String path, String body, AdminTokens caller) {
        HttpResponse<String> response = send(method, path, body, caller);
        if (response == null || response.statusCode() >= 500) {
            return Outcome.UNCLEAR;
        }
        return response.statusCode() < 300 ? Outcome.ACCEPTED : Outcome.REFUSED;
    }

    /** The answer, or null when none came (the gateway or the service was down, or slower than 20 s). */
    private static HttpResponse<String> send(String method, String path, String body, AdminTokens caller) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(LeagueStack.gateway() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + caller.current())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return null;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception | AssertionError tokenUnavailable) { // Keycloak's database was restarting
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread stream : streams) {
            stream.join(Duration.ofMinutes(1));
        }
    }

    // --- the faults --------------------------------------------------------------------------------------------

    /** kill -9 of a part ./league started (no shutdown hook, no leave-group), then ./league up starts it again. */
    static Duration killAndRestart(String part) throws Exception {
        long pid = Long.parseLong(java.nio.file.Files.readString(LeagueStack.HOME.resolve("run/" + part + ".pid"))
                .trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        long started = System.nanoTime();
        process.destroyForcibly();
        process.onExit().join();
        up();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** ./league stop of a part (Kafka, PostgreSQL), down for {@code down}, then ./league up. */
    static Duration stopFor(String part, Duration down) throws Exception {
        long started = System.nanoTime();
        LeagueStack.Result stop = LeagueStack.league(Duration.ofMinutes(2), "stop", part);
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        Thread.sleep(down.toMillis());
        up();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void up() throws Exception {
        LeagueStack.Result up = LeagueStack.league(Duration.ofMinutes(8), "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    // --- the reconciliation ------------------------------------------------------------------------------------

    /** Waits until no service has an event left in its outbox; the longest wait. */
    static Duration outboxesDrained(Duration atMost) throws Exception {
        long started = System.nanoTime();
        for (String database : OUTBOX_DATABASES) {
            try (Connection db = ImportFlow.database(database)) {
                while (count(db, "select count(*) from platform.outbox_event") > 0) {
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).as(database + "'s outbox drained")
                            .isLessThan(atMost);
                    Thread.sleep(500);
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Waits until every consumer group of the stack has committed up to the end of each partition it reads. */
    static void consumersCaughtUp(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackKafka.BOOTSTRAP))) {
            while (true) {
                List<String> behind = new ArrayList<>();
                for (var group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                    committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                    admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                        OffsetAndMetadata at = committed.get(partition);
                        if (at != null && at.offset() < end.offset()) {
                            behind.add(group.groupId() + " " + partition + " " + (end.offset() - at.offset()));
                        }
                    });
                }
                if (behind.isEmpty()) {
                    return;
                }
                assertThat(System.nanoTime()).as("consumer groups behind: %s", behind).isLessThan(deadline);
                Thread.sleep(1000);
            }
        }
    }

    /** org-service's tree (id, parent, path) as one fingerprint; each replica's must be the same. */
    static String treeFingerprint(String database) throws Exception {
        String table = database.equals("league_org") ? "org" : "org_replica.org";
        try (Connection db = ImportFlow.database(database);
             PreparedStatement query = db.prepareStatement("select count(*) || ':' || md5(coalesce(string_agg(id || '/' "
                     + "|| coalesce(parent_id, 0) || '/' || path::text, ',' order by id), '')) from " + table);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    static long count(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof java.util.Collection<?> values) {
                    query.setArray(i + 1, db.createArrayOf("varchar", values.toArray()));
                } else {
                    query.setObject(i + 1, parameter);
                }
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
