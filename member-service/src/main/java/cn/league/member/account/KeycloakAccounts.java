package cn.league.member.account;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.support.problem.ProblemException;

/**
 * The accounts in Keycloak, through its admin API, with the service account of the confidential client
 * {@code league-accounts} (realm-management {@code view-users}, {@code manage-users}). Keycloak keeps passwords and
 * judges them by the realm's password policy; this class never sees a stored one.
 */
@Component
public class KeycloakAccounts {

    /** Keycloak's message keys of its password policy, in the words users read here. */
    static final Map<String, String> POLICY_MESSAGES = Map.of(
            "invalidPasswordMinLengthMessage", "新密码长度至少为8位",
            "invalidPasswordMaxLengthMessage", "新密码长度不能超过64位",
            "invalidPasswordMinDigitsMessage", "新密码至少要包含1个数字",
            "invalidPasswordMinLowerCaseCharsMessage", "新密码至少要包含1个小写字母",
            "invalidPasswordMinUpperCaseCharsMessage", "新密码至少要包含1个大写字母",
            "invalidPasswordMinSpecialCharsMessage", "新密码至少要包含1个特殊字符",
            "invalidPasswordNotUsernameMessage", "新密码不能与身份证号相同",
            "invalidPasswordHistoryMessage", "新密码不能与最近使用过的密码相同");

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private volatile ServiceToken token;

    KeycloakAccounts(@Value("${league.accounts.keycloak.url}") String url,
                     @Value("${league.accounts.keycloak.realm}") String realm,
                     @Value("${league.accounts.keycloak.client-id}") String clientId,
                     @Value("${league.accounts.keycloak.client-secret}") String clientSecret) {
        this.url = url.replaceAll("/+$", "");
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * Sets the person's password (not temporary: a pending "update password" goes too). The person is found by
     * exact login name; Keycloak keeps login names lower-case. Refused by the realm's password policy → 422 with
     * Keycloak's reason in Chinese.
     */
    public void setPassword(String idNumber, String password) {
        String userId = findUserId(idNumber).orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                "ACCOUNT_NOT_FOUND", "R-AUTH-3", "该身份证号尚无登录账号,请联系组织管理员"));
        String body = JSON.writeValueAsString(Map.of("type", "password", "value", password, "temporary", false));
        HttpResponse<String> response = send(admin("/users/" + userId + "/reset-password")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() == 400) {
            throw passwordRefused(response.body());
        }
        requireSuccess(response, "reset-password");
    }

    /** Keycloak's user id of the person; looking them up also brings in people a user-storage provider knows of. */
    public Optional<String> findUserId(String idNumber) {
        String username = idNumber.strip().toLowerCase(Locale.ROOT);
        HttpResponse<String> response = send(admin("/users?exact=true&briefRepresentation=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET());
        requireSuccess(response, "user search");
        for (JsonNode user : JSON.readTree(response.body())) {
            if (username.equals(user.path("username").asString())) {
                return Optional.of(user.path("id").asString());
            }
        }
        return Optional.empty();
    }

    static ProblemException passwordRefused(String keycloakAnswer) {
        String key = "";
        try {
            JsonNode answer = JSON.readTree(keycloakAnswer);
            key = answer.path("error").asString("");
        } catch (RuntimeException notJson) {
            // Keycloak answers plain text for a few refusals; the generic message fits them
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PASSWORD_POLICY", "R-AUTH-3",
                POLICY_MESSAGES.getOrDefault(key, "新密码不符合密码规则:至少8位,包含数字和小写字母,不能与身份证号相同"));
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + realm + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + serviceToken());
    }

    /** The service account's access token, fetched again shortly before it expires. */
    private String serviceToken() {
        ServiceToken current = token;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return current.value();
        }
        String basic = Base64.getEncoder().encodeToString(
                (enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        requireSuccess(response, "service account token");
        JsonNode answer = JSON.readTree(response.body());
        long lifetime = answer.path("expires_in").asLong(60);
        current = new ServiceToken(answer.path("access_token").asString(),
                Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
        token = current;
        return current.value();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            log.warn("Keycloak unreachable at {}: {}", url, failure.toString());
            throw unavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private void requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 401) {
                token = null;
            }
            log.warn("Keycloak refused {}: {} {}", what, response.statusCode(), response.body());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "ACCOUNTS_UNAVAILABLE", null,
                "账号服务暂时不可用,请稍后再试");
    }

    /** Client credentials go form-encoded inside the Basic header (RFC 6749 2.3.1). */
    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record ServiceToken(String value, Instant renewAt) {
    }
}
