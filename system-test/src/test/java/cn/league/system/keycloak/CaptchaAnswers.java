package cn.league.system.keycloak;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import cn.league.keycloak.captcha.CaptchaLoginForm;

/**
 * TEST ONLY: {@code GET /realms/league/league-test-captcha?tab_id=…} tells the system test the answer of the captcha
 * on its login page (R-AUTH-1), for the browser whose authentication-session cookie comes with the request.
 * <p>
 * It lives in system-test's sources and reaches Keycloak only as {@code target/keycloak-test-providers/*.jar}, which
 * {@code ./league up} copies into providers/ when {@code LEAGUE_KEYCLOAK_EXTRA_PROVIDERS} names that folder, as the
 * system test does. The extension jar, the compose file and every image leave it out. ({@code @Provider}: since
 * Keycloak's move to RESTEasy Reactive, a resource of a provider jar is otherwise not found, 405.)
 */
@Provider
public final class CaptchaAnswers implements RealmResourceProvider {

    private final KeycloakSession session;

    CaptchaAnswers(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response answer(@QueryParam("tab_id") String tabId) {
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                .getCurrentRootAuthenticationSession(session.getContext().getRealm());
        AuthenticationSessionModel login = root == null || tabId == null ? null
                : root.getAuthenticationSessions().get(tabId);
        String answer = login == null ? null : login.getAuthNote(CaptchaLoginForm.ANSWER_NOTE);
        return answer == null ? Response.status(Response.Status.NOT_FOUND).build() : Response.ok(answer).build();
    }

    @Override
    public void close() {
    }
}
