package cn.league.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import cn.league.gateway.problem.Problem;

/** 401 and 403 from the security filters as league problems; never a login page for an API call. */
final class SecurityProblems {

    /** Where a script sends the XSRF-TOKEN cookie's value back (Spring Security's default name). */
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private SecurityProblems() {
    }

    static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            String challenge = failure instanceof OAuth2AuthenticationException invalid
                    ? "Bearer error=\"" + invalid.getError().getErrorCode() + "\"" : "Bearer";
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            return Problem.unauthenticated().writeTo(exchange.getResponse());
        };
    }

    /**
     * A write refused by the CSRF check says so: without the header the page never sent the token (a script that
     * forgot it); with a header (or a form, which carries it as {@code _csrf}) whose token does not match, the page is
     * older than the session.
     */
    static ServerAccessDeniedHandler csrfRefused() {
        return (exchange, denied) -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            boolean sent = headers.containsHeader(CSRF_HEADER)
                    || MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(headers.getContentType());
            return (sent ? Problem.csrfTokenInvalid() : Problem.csrfTokenMissing()).writeTo(exchange.getResponse());
        };
    }

    static ServerAccessDeniedHandler denied() {
        return (exchange, denied) -> Problem.accessDenied().writeTo(exchange.getResponse());
    }
}
