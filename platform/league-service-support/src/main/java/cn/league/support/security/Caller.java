package cn.league.support.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person behind a request, as the token says.
 *
 * @param subject  Keycloak's stable user id
 * @param idNumber the login name, i.e. the 18-char ID number (R-AUTH-1), upper-case (Keycloak lower-cases
 *                 login names, so a final X arrives as x)
 * @param roles    realm roles
 */
public record Caller(String subject, String idNumber, List<String> roles) {

    public static Caller of(JwtAuthenticationToken token) {
        List<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .toList();
        String loginName = token.getToken().getClaimAsString("preferred_username");
        return new Caller(token.getToken().getSubject(),
                loginName == null ? null : loginName.toUpperCase(java.util.Locale.ROOT), roles);
    }

    /**
     * Keycloak names a client's service account {@code service-account-<client id>}, or not at all when the client
     * lacks the profile scope; people log in by ID number.
     */
    public boolean serviceAccount() {
        return idNumber == null || idNumber.startsWith(SERVICE_ACCOUNT_PREFIX.toUpperCase(java.util.Locale.ROOT));
    }

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
}
