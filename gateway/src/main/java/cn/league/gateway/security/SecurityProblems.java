package cn.league.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import cn.league.gateway.problem.Problem;

/** 401 and 403 from the security filters as league problems; never a login page for an API call. */
final class SecurityProblems {

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

    static ServerAccessDeniedHandler denied() {
        return (exchange, denied) -> Problem.accessDenied().writeTo(exchange.getResponse());
    }
}
