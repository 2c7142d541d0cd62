package cn.league.member.account;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.support.problem.ProblemException;

import static cn.league.member.account.ServiceAccount.JSON;

/**
 * The accounts in Keycloak, through its admin API, as the {@link ServiceAccount} (realm-management
 * {@code view-users}, {@code manage-users}). Keycloak keeps passwords and judges them by the realm's password
 * policy; this class never sees a stored one.
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

    private final ServiceAccount service;

    KeycloakAccounts(ServiceAccount service) {
        this.service = service;
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
        HttpResponse<String> response = service.send(admin("/users/" + userId + "/reset-password")
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
        HttpResponse<String> response = service.send(admin("/users?exact=true&briefRepresentation=true&username="
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
            key = JSON.readTree(keycloakAnswer).path("error").asString("");
        } catch (RuntimeException notJson) {
            // Keycloak answers plain text for a few refusals; the generic message fits them
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PASSWORD_POLICY", "R-AUTH-3",
                POLICY_MESSAGES.getOrDefault(key, "新密码不符合密码规则:至少8位,包含数字和小写字母,不能与身份证号相同"));
    }

    private HttpRequest.Builder admin(String path) {
        return service.request(service.keycloakUrl() + "/admin/realms/" + service.realm() + path);
    }

    private static void requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            log.warn("Keycloak refused {}: {} {}", what, response.statusCode(), response.body());
            throw ServiceAccount.unavailable();
        }
    }
}
