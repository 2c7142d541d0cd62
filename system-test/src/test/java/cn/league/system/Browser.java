package cn.league.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser: follows redirects itself and keeps cookies per host and port. Keycloak marks its
 * cookies Secure even on plain http; browsers still send them to 127.0.0.1, and so does this one.
 */
final class Browser {

    /** How long one request may go unanswered, when no time limit for the whole login is given. */
    private static final Duration HOP_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    private final String stopBefore;
    /** When every request of this browser must have been answered (System.nanoTime()), or NO_DEADLINE. */
    private final long deadline;
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    Browser() {
        this(null, NO_DEADLINE);
    }

    /** A browser that does not follow a redirect to an address starting with {@code stopBefore}, but returns it. */
    Browser(String stopBefore) {
        this(stopBefore, NO_DEADLINE);
    }

    /** A browser for one login: all its requests together must be answered within {@code timeLimit}. */
    Browser(Duration timeLimit) {
        this(null, System.nanoTime() + timeLimit.toNanos());
    }

    private Browser(String stopBefore, long deadline) {
        this.stopBefore = stopBefore;
        this.deadline = deadline;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> getJson(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build());
    }

    /** A script's JSON call with the gateway's CSRF cookie sent back in X-XSRF-TOKEN, as the web client does. */
    HttpResponse<String> sendJson(String method, String url, String json) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        String csrf = cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of()).get("XSRF-TOKEN");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return send(request.build());
    }

    /**
     * Fills in and submits Keycloak's login form found in {@code page}: ID number, password and the captcha's answer
     * (R-AUTH-1), which it asks the test-only provider for.
     */
    HttpResponse<String> logIn(HttpResponse<String> page, String username, String password)
            throws IOException, InterruptedException {
        return logIn(page, username, password, captchaAnswer(page));
    }

    /** Submits the login form with the given captcha, right or wrong. */
    HttpResponse<String> logIn(HttpResponse<String> page, String username, String password, String captcha)
            throws IOException, InterruptedException {
        return submit(page, "kc-form-login", Map.of("username", username, "password", password, "captcha", captcha,
                "credentialId", ""));
    }

    /** The answer of the captcha on this login page, as the test-only provider in Keycloak tells it. */
    String captchaAnswer(HttpResponse<String> page) throws IOException, InterruptedException {
        Matcher tab = Pattern.compile("[?&;]tab_id=([^&\"]+)").matcher(formAction(page, "kc-form-login"));
        if (!tab.find()) {
            throw new AssertionError("no tab_id in the login form of " + page.uri());
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(page.uri().resolve(
                "/realms/league/league-test-captcha?tab_id=" + tab.group(1))).GET().build());
        if (answer.statusCode() != 200) {
            throw new AssertionError("no captcha pending for " + page.uri() + ": " + answer.statusCode());
        }
        return answer.body();
    }

    /** Keycloak's "set a new password" page (required action UPDATE_PASSWORD). */
    HttpResponse<String> setNewPassword(HttpResponse<String> page, String password)
            throws IOException, InterruptedException {
        return submit(page, "kc-passwd-update-form", Map.of("password-new", password, "password-confirm", password));
    }

    /** Submits the form with this id found in {@code page}, following redirects. */
    HttpResponse<String> submit(HttpResponse<String> page, String formId, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(page.uri().resolve(formAction(page, formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String formAction(HttpResponse<String> page, String formId) {
        Matcher action = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("no form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        return action.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> follow(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (stopBefore != null && next.toString().startsWith(stopBefore)) {
                break;
            }
            response = send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        String origin = request.uri().getHost() + ":" + request.uri().getPort();
        Map<String, String> jar = cookies.computeIfAbsent(origin, key -> new HashMap<>());
        // a hop that never answers fails the test with its address instead of hanging it
        Duration timeout = deadline == NO_DEADLINE ? HOP_TIMEOUT
                : Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout);
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response;
        try {
            response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException timedOut) {
            throw new AssertionError("no answer within " + timeout.toMillis() + " ms: " + request.method() + " "
                    + request.uri(), timedOut);
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            jar.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return response;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
