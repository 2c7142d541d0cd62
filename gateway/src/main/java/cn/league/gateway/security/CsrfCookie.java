package cn.league.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security loads the CSRF token lazily, so the {@code XSRF-TOKEN} cookie would only be written
 * when a page asks for it. Browser pages here are scripts (Swagger UI, the web client) that read the
 * cookie, so load it on every cookie-session request. Bearer callers need no token.
 */
final class CsrfCookie implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    }
}
