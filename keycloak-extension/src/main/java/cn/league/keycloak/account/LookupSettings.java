package cn.league.keycloak.account;

import java.net.URI;
import java.net.URISyntaxException;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/**
 * Where member-service is and how the lookup gets its token, from the component's config in the realm JSON (filled
 * from environment placeholders at import, so every deployment names its own addresses and secret).
 *
 * @param memberServiceUrl base URL of member-service, e.g. {@code http://127.0.0.1:8082}
 * @param tokenUrl         Keycloak's token endpoint of this realm, as reachable from Keycloak itself
 * @param clientId         the confidential client whose service account holds {@code league-account-lookup}
 * @param clientSecret     its secret
 */
public record LookupSettings(URI memberServiceUrl, URI tokenUrl, String clientId, String clientSecret) {

    public static final String MEMBER_SERVICE_URL = "memberServiceUrl";
    public static final String TOKEN_URL = "tokenUrl";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";

    static LookupSettings of(ComponentModel model) {
        return new LookupSettings(url(model, MEMBER_SERVICE_URL), url(model, TOKEN_URL), required(model, CLIENT_ID),
                required(model, CLIENT_SECRET));
    }

    private static URI url(ComponentModel model, String key) {
        String value = required(model, key);
        try {
            URI url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new ComponentValidationException(key + " must be an http(s) URL: " + value);
            }
            return url;
        } catch (URISyntaxException malformed) {
            throw new ComponentValidationException(key + " is not a URL: " + value);
        }
    }

    private static String required(ComponentModel model, String key) {
        String value = model.get(key);
        // an unset placeholder stays as written, "${...}": say so instead of calling it
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new ComponentValidationException(key + " is not set: " + value);
        }
        return value.strip();
    }
}
