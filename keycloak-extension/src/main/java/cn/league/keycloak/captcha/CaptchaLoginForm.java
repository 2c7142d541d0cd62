package cn.league.keycloak.captcha;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import cn.league.captcha.Captcha;

/**
 * The login form of R-AUTH-1: ID number, password and captcha (验证码) on one page. The captcha is checked first; a
 * wrong, missing or expired one is refused before the user is looked up or the password checked, so it neither
 * tells anything about the account nor counts towards brute-force lockout. Every page this form shows carries a new
 * captcha, and the one just submitted is gone: each is good for one attempt within {@link IssuedCaptcha#LIFETIME}.
 */
public final class CaptchaLoginForm extends UsernamePasswordForm {

    /** The form field the person types the captcha into. */
    public static final String FIELD = "captcha";
    /** Authentication-session note with the pending answer. */
    public static final String ANSWER_NOTE = "league.captcha.answer";
    static final String EXPIRES_NOTE = "league.captcha.expires";
    /** Template attribute: the captcha as a {@code data:} URL. */
    static final String IMAGE = "captchaImage";
    /** The 换一张 button's field: the form comes back with a new captcha and nothing checked. */
    public static final String REFRESH = "captchaRefresh";
    /**
     * Template attribute: the gateway the login was started from (its redirect URI's origin), where the links to
     * 忘记密码 and 管理员注册 lead (the gateway's public account page).
     */
    static final String GATEWAY = "leagueGateway";

    private final Clock clock;

    CaptchaLoginForm(KeycloakSession session, Clock clock) {
        super(session);
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        showNewCaptcha(context);
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(REFRESH)) {
            takePending(context.getAuthenticationSession());
            showNewCaptcha(context);
            MultivaluedMap<String, String> kept = new MultivaluedHashMap<>();
            if (form.containsKey("username")) {
                kept.putSingle("username", form.getFirst("username"));
            }
            context.challenge(challenge(context, kept));
            return;
        }
        String given = form.getFirst(FIELD);
        IssuedCaptcha.Verdict verdict = IssuedCaptcha.check(takePending(context.getAuthenticationSession()), given,
                clock.instant());
        showNewCaptcha(context);
        if (verdict != IssuedCaptcha.Verdict.RIGHT) {
            context.getEvent().detail("reason", "captcha " + verdict).error("invalid_captcha");
            context.challenge(challenge(context, verdict.messageKey, FIELD));
            return;
        }
        super.action(context);
    }

    /** The pending captcha, removed: a second try with the same one finds none. */
    private static IssuedCaptcha takePending(AuthenticationSessionModel authSession) {
        String answer = authSession.getAuthNote(ANSWER_NOTE);
        String expiresAt = authSession.getAuthNote(EXPIRES_NOTE);
        authSession.removeAuthNote(ANSWER_NOTE);
        authSession.removeAuthNote(EXPIRES_NOTE);
        if (answer == null || expiresAt == null) {
            return null;
        }
        return new IssuedCaptcha(answer, Instant.ofEpochMilli(Long.parseLong(expiresAt)));
    }

    /**
     * Draws a captcha, keeps its answer in the authentication session and hands the image to whatever login page this
     * request renders (Keycloak keeps one forms provider per request, so failure pages of the parent carry it too).
     */
    private void showNewCaptcha(AuthenticationFlowContext context) {
        Captcha captcha = Captcha.generate();
        IssuedCaptcha issued = IssuedCaptcha.issue(captcha.answer(), clock.instant());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(ANSWER_NOTE, issued.answer());
        authSession.setAuthNote(EXPIRES_NOTE, Long.toString(issued.expiresAt().toEpochMilli()));
        context.form().setAttribute(IMAGE, "data:image/png;base64," + Base64.getEncoder().encodeToString(captcha.png()));
        String gateway = origin(authSession.getRedirectUri());
        if (gateway != null) {
            context.form().setAttribute(GATEWAY, gateway);
        }
    }

    /** {@code http://host:port} of a redirect URI, or null when it is not an absolute http(s) URI. */
    static String origin(String redirectUri) {
        if (redirectUri == null) {
            return null;
        }
        try {
            URI uri = URI.create(redirectUri);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
