package cn.league.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 1 (R-SCOPE-1…3, R-AUTH-1): every operation of every service, called by every kind of caller who
 * must be refused, answers a refusal — 401 for a caller without a valid token of this realm, 403 or 404 for a
 * caller whose token is good but whose rights do not reach — as problem+json, never 2xx or 5xx.
 * <p>
 * The operations come from {@code authorization-matrix.txt}, one line each with its access class; the live OpenAPI
 * documents of the services must list nothing the file does not, so a new endpoint without a line fails the test.
 * See docs/security.md for which refusal answers 403 and which 404.
 */
final class AuthorizationMatrix {

    /** Who may call an operation; everyone else is refused. */
    enum Access {
        /** anyone, also without a login (captcha, self-service forms, templates) */
        PUBLIC,
        /** any logged-in person, about themselves (me, my orgs, my transfers) */
        PERSON,
        /** any admin, of any org (the empty templates: they hold nobody's data) */
        ADMIN,
        /** an admin whose subtree holds the target (R-SCOPE-1) */
        SCOPED,
        /**
         * a search any logged-in person may run, whose results stop at the caller's subtree (R-SCOPE-1): a caller
         * outside is refused or finds nothing of the target
         */
        FILTERED,
        /**
         * a bulk write whose rows are checked one by one: rows outside the caller's subtree are refused, each with
         * its reason, and nothing of them is written (R-SCOPE-1, R-IMP-3)
         */
        ROWS,
        /** only an admin above the target org: the target org's own admin is refused (R-SCOPE-2) */
        PARENT,
        /** only 团中央's admin */
        CENTRAL,
        /** only the suite's service accounts, on the service's own port (the gateway routes /api/** only) */
        INTERNAL
    }

    /** A kind of caller and the access classes on which it must be refused. */
    record Caller(String name, String token, Set<Access> refusedOn, Set<Integer> refusal) {
    }

    record Operation(String service, String method, String path, Access access, Map<String, String> settings) {

        String key() {
            return method + " " + path;
        }
    }

    /** {@code secret}: what a refused caller must not see (the target person's ID number). */
    record Outcome(Operation operation, Caller caller, int status, String contentType, String body, String secret) {

        boolean refused() {
            boolean problem = refusal().contains(status) && contentType.startsWith("application/problem+json");
            boolean foundNothing = operation.access() == Access.FILTERED && status == 200 && !body.contains(secret);
            boolean everyRowRefused = operation.access() == Access.ROWS && status == 200
                    && body.contains("\"imported\":0,") && !body.contains("\"status\":\"IMPORTED\"");
            return problem || foundNothing || everyRowRefused;
        }

        /** What the caller must get: a person's record answers another branch's admin as an unknown id does. */
        private Set<Integer> refusal() {
            String outside = operation.settings().get("outside");
            return outside != null && caller.name().equals(OTHER_BRANCH) ? Set.of(Integer.parseInt(outside))
                    : caller.refusal();
        }

        @Override
        public String toString() {
            return "%-6s %-60s as %-22s -> %d %s".formatted(operation.method(), operation.path(), caller.name(),
                    status, body.length() > 160 ? body.substring(0, 160) : body);
        }
    }

    /** The admin of another branch of the tree than the targets' (docs/security.md: 403 or 404). */
    static final String OTHER_BRANCH = "sibling subtree admin";
    static final Set<Integer> UNAUTHENTICATED = Set.of(401);
    static final Set<Integer> NOT_ALLOWED = Set.of(403, 404);
    /**
     * A service account: 401 where its token does not name the service as audience (every service but the one it
     * calls), 403 where it does (it is not a person).
     */
    static final Set<Integer> NOT_ITS_AUDIENCE_OR_NOT_ALLOWED = Set.of(401, 403, 404);
    static final Set<Access> EVERYTHING_BUT_PUBLIC = EnumSet.complementOf(EnumSet.of(Access.PUBLIC));

    /** service name in the matrix file -> its port on the stack (the services' own ports, not the gateway) */
    private static final Map<String, Integer> PORTS = Map.of("org", 8081, "member", 8082, "transfer", 8083,
            "import", 8084, "stats", 8085, "identity", 8086);
    private static final Map<String, String> API_PREFIX = Map.of("org", "orgs", "member", "members",
            "transfer", "transfers", "import", "imports", "stats", "stats", "identity", "identity");
    /**
     * The body of a write unless its line says otherwise: every field the writes require, valid, so that a refusal
     * comes from the caller's rights and not from a missing field (unknown fields are ignored).
     */
    private static final String ANY_WRITE = """
            {"fullName":"矩阵测试团委","shortName":"矩阵","type":"COMMITTEE","domain":"SCHOOL","schoolLevel":"UNIVERSITY",
             "name":"林矩阵",
             "idNumber":"{person}","politicalStatus":"共青团员","ethnicity":"汉族","education":"本科",
             "joinDate":"2019-05-04","schoolCode":"4133010335","branchIds":[{branch}],"year":2030,"newParentId":12,
             "reason":"矩阵测试","branchId":{branch},"toOrgId":{college},"committeeId":{college},"toBranchId":{branch},
             "idNumbers":["{person}"],"developmentNumber":"201933999999","postTitle":"委员","kind":"MEMBER"}""";
    /** An upload of the empty template as the browser sends it (multipart). */
    private static final String UPLOAD = """
            --matrix\r
            Content-Disposition: form-data; name="template"\r
            \r
            subordinate-members\r
            --matrix\r
            Content-Disposition: form-data; name="file"; filename="团员.xlsx"\r
            Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r
            \r
            PK\r
            --matrix--\r
            """;
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuthorizationMatrix() {
    }

    /** The operations of {@code authorization-matrix.txt}: {@code service METHOD path access [key=value ...]}. */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        try (var in = AuthorizationMatrix.class.getResourceAsStream("/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                Map<String, String> settings = new LinkedHashMap<>();
                for (int i = 4; i < fields.length; i++) {
                    int equals = fields[i].indexOf('=');
                    settings.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
                }
                operations.add(new Operation(fields[0], fields[1], fields[2], Access.valueOf(fields[3].toUpperCase()),
                        settings));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return operations;
    }

    /**
     * Every operation the services' live OpenAPI documents list, as "METHOD path", by service: the public document
     * (the one the gateway publishes) and the group {@code internal} ({@code /internal/**}, read on the service's
     * own port only).
     */
    static Map<String, Set<String>> documented() throws IOException, InterruptedException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (var service : new TreeSet<>(PORTS.keySet())) {
            Set<String> operations = new LinkedHashSet<>();
            for (String document : List.of("/v3/api-docs", "/v3/api-docs/internal")) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl(service)
                        + "/api/" + API_PREFIX.get(service) + document)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(service + "'s OpenAPI document " + document + ": "
                            + response.statusCode());
                }
                JsonNode paths = JSON.readTree(response.body()).path("paths");
                for (String path : paths.propertyNames()) {
                    for (String method : paths.path(path).propertyNames()) {
                        if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                            operations.add(method.toUpperCase() + " " + path);
                        }
                    }
                }
            }
            documented.put(service, operations);
        }
        return documented;
    }

    /** Calls each operation as each caller who must be refused there. */
    static List<Outcome> call(List<Operation> operations, List<Caller> callers, Map<String, String> targets)
            throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Caller caller : callers) {
            for (Operation operation : operations) {
                if (caller.refusedOn().contains(operation.access())) {
                    outcomes.add(call(operation, caller, targets));
                }
            }
        }
        return outcomes;
    }

    static Outcome call(Operation operation, Caller caller, Map<String, String> targets)
            throws IOException, InterruptedException {
        String url = (operation.access() == Access.INTERNAL ? serviceUrl(operation.service()) : LeagueStack.gateway())
                + fill(operation.path(), operation, targets)
                + (operation.settings().containsKey("query")
                        ? "?" + fill(operation.settings().get("query"), operation, targets) : "");
        String body = switch (operation.settings().getOrDefault("body", "any")) {
            case "any" -> fill(ANY_WRITE, operation, targets);
            case "upload" -> UPLOAD;
            default -> fill(operation.settings().get("body"), operation, targets);
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", operation.settings().getOrDefault("accept", "application/json")
                        + ", application/problem+json")
                .method(operation.method(), operation.method().equals("GET") || operation.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            request.header("Content-Type", operation.settings().getOrDefault("type", "application/json"));
        }
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // the gateway limits each caller's rate (a service account calls ~100 operations in a row here): a client
        // that is told to wait waits, and the answer that counts is the one after the wait
        for (int waited = 0; response.statusCode() == 429 && waited < 10; waited++) {
            Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Outcome(operation, caller, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body(), targets.get("person"));
    }

    /** Path variables from the operation's own settings first, then from the shared targets. */
    static String fill(String template, Operation operation, Map<String, String> targets) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            // a setting names a target (orgId=college) or is the value itself (extension=xlsx)
            String setting = operation.settings().get(name);
            String value = targets.getOrDefault(setting == null ? name : setting, setting);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("no target for {" + name + "} of " + operation.key());
            }
            variable.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(filled).toString();
    }

    private static String serviceUrl(String service) {
        return "http://127.0.0.1:" + (PORTS.get(service) + LeagueStack.OFFSET);
    }

    /** Writes the outcomes as a table next to the stack's logs, for a reader of a failed run. */
    static Path report(List<Outcome> outcomes) throws IOException {
        Path file = LeagueStack.HOME.getParent().resolve("authorization-matrix-outcomes.txt");
        Files.write(file, outcomes.stream().map(Outcome::toString).toList());
        return file;
    }
}
