package cn.league.keycloak.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.keycloak.util.JsonSerialization;

/**
 * member-service's answer about one ID number ({@code GET /internal/accounts/{idNumber}}), and what Keycloak keeps of
 * it (R-AUTH-2): the login name is the ID number in Keycloak's lower case, the name goes to {@code firstName}.
 *
 * @param idNumber the ID number, upper-case
 * @param exists   member-service knows it, deleted people included
 * @param mayLogIn the person exists and was not deleted (R-MEM-8), or registered themself (R-AUTH-4)
 * @param name     the person's name while they may log in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberAccount(String idNumber, boolean exists, boolean mayLogIn, String name) {

    public static MemberAccount fromJson(String json) {
        try {
            MemberAccount account = JsonSerialization.readValue(json, MemberAccount.class);
            if (account.idNumber() == null || !IdNumberShape.matches(account.idNumber())) {
                throw new IllegalStateException("member-service answered without an ID number: " + json);
            }
            return account;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("member-service's answer is not an account: " + json, unreadable);
        }
    }

    /** Keycloak's login name: it lower-cases names, so a final X is kept as x. */
    public String username() {
        return idNumber.toLowerCase(Locale.ROOT);
    }

    /** The name Keycloak shows; a Chinese name is not split into given and family name. */
    public String displayName() {
        return mayLogIn ? name : null;
    }
}
