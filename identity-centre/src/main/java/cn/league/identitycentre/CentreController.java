package cn.league.identitycentre;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The centre's HTTP interface. Clients authenticate with HTTP Basic (their client id and secret); a batch holds at
 * most {@code maxBatch} pairs and all batches together at most {@code quotaPerSecond} pairs a second (429 beyond).
 * Faults as configured: latency on every request, 500 for a share of them, 503 in an outage.
 */
@RestController
class CentreController {

    private static final String OPERATOR = "operator";

    private final Registry registry = new Registry();
    private final Quota quota = new Quota();
    private final AtomicReference<Conditions> conditions;
    private final Map<String, String> clients;
    private final String operatorPassword;
    private final Clock clock;

    CentreController(CentreProperties properties) {
        this.conditions = new AtomicReference<>(Conditions.of(properties));
        this.clients = Map.copyOf(properties.clients());
        this.operatorPassword = properties.operatorPassword();
        this.clock = Clock.systemUTC();
    }

    record Pair(String idNumber, String name) {
    }

    record CheckRequest(List<Pair> pairs) {
    }

    record Result(String idNumber, String name, String verdict) {
    }

    record CheckResponse(List<Result> results) {
    }

    record Failure(String error) {
    }

    @PostMapping("/v1/verifications")
    ResponseEntity<?> check(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                            @RequestBody CheckRequest request) throws InterruptedException {
        if (!isClient(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE,
                    "Basic realm=\"identity-centre\"").body(new Failure("unknown client"));
        }
        Conditions now = conditions.get();
        Thread.sleep(now.latency());
        if (now.outOfService(clock.instant())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Failure("out of service"));
        }
        List<Pair> pairs = request.pairs() == null ? List.of() : request.pairs();
        if (pairs.isEmpty() || pairs.size() > now.maxBatch()) {
            return ResponseEntity.badRequest().body(new Failure("a batch holds 1 to " + now.maxBatch() + " pairs"));
        }
        if (!quota.take(pairs.size(), now.quotaPerSecond(), clock.millis())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(new Failure("quota of " + now.quotaPerSecond() + " pairs per second exceeded"));
        }
        if (now.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < now.errorRate()) {
            return ResponseEntity.internalServerError().body(new Failure("transient fault"));
        }
        List<Result> results = pairs.stream()
                .map(pair -> new Result(pair.idNumber(), pair.name(),
                        registry.check(pair.idNumber(), pair.name(), clock.instant(), now.lag()).text()))
                .toList();
        return ResponseEntity.ok(new CheckResponse(results));
    }

    /** Up, or 503 in an outage: what a client's operators look at. */
    @GetMapping("/v1/health")
    ResponseEntity<Map<String, Object>> health() {
        Conditions now = conditions.get();
        boolean up = !now.outOfService(clock.instant());
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", up ? "UP" : "DOWN", "maxBatch", now.maxBatch(),
                        "quotaPerSecond", now.quotaPerSecond()));
    }

    /**
     * Changes how the centre behaves from now on (the operator only): any of maxBatch, quotaPerSecond, latencyMillis,
     * errorRate, lagMillis, down. For staging outages and faults in tests and demos.
     */
    record SettingsChange(Integer maxBatch, Integer quotaPerSecond, Long latencyMillis, Double errorRate,
                          Long lagMillis, Boolean down) {
    }

    @PutMapping("/ops/settings")
    ResponseEntity<?> change(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                             @RequestBody SettingsChange change) {
        if (!OPERATOR.equals(user(authorization)) || !matches(operatorPassword, password(authorization))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new Failure("operator only"));
        }
        Conditions changed = conditions.updateAndGet(c -> new Conditions(
                change.maxBatch() == null ? c.maxBatch() : change.maxBatch(),
                change.quotaPerSecond() == null ? c.quotaPerSecond() : change.quotaPerSecond(),
                change.latencyMillis() == null ? c.latency() : Duration.ofMillis(change.latencyMillis()),
                change.errorRate() == null ? c.errorRate() : change.errorRate(),
                c.outages(),
                change.lagMillis() == null ? c.lag() : Duration.ofMillis(change.lagMillis()),
                change.down() == null ? c.down() : change.down()));
        return ResponseEntity.ok(changed);
    }

    private boolean isClient(String authorization) {
        String user = user(authorization);
        return user != null && clients.containsKey(user) && matches(clients.get(user), password(authorization));
    }

    private static String user(String authorization) {
        String[] credentials = credentials(authorization);
        return credentials == null ? null : credentials[0];
    }

    private static String password(String authorization) {
        String[] credentials = credentials(authorization);
        return credentials == null ? null : credentials[1];
    }

    private static String[] credentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean matches(String expected, String given) {
        return given != null && expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
