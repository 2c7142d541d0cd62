package cn.league.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

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

    /** Fills in and submits Keycloak's login form found in {@code page}. */
    HttpResponse<String> logIn(HttpResponse<String> page, String username, String password)
            throws IOException, InterruptedException {
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("no login form on " + page.uri() + ":\n" + page.body());
        }
        String target = action.group(1).replace("&amp;", "&");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
        return follow(HttpRequest.newBuilder(page.uri().resolve(target))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> follow(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        String origin = request.uri().getHost() + ":" + request.uri().getPort();
        Map<String, String> jar = cookies.computeIfAbsent(origin, key -> new HashMap<>());
        // a hop that never answers fails the test with its address instead of hanging it
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(java.time.Duration.ofSeconds(60));
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response;
        try {
            response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException timeout) {
            throw new AssertionError("no answer within 60 s: " + request.method() + " " + request.uri(), timeout);
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
