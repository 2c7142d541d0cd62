package cn.league.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import cn.league.gateway.problem.Problem;

/**
 * Limits each caller to a token bucket: a signed-in person by login name (the JWT's
 * {@code preferred_username} or the session's principal), anyone else by client IP. Over the limit the
 * answer is 429 with {@code Retry-After}.
 * <p>
 * The buckets live on the gateway grid ({@link SharedBuckets}), so the limit holds for all replicas together: with
 * n replicas a caller still gets the one rate. The client address is the socket's peer, or what a trusted proxy says
 * it forwarded ({@code cn.league.gateway.proxy}). Runs after Spring Security (order 0 &gt; -100), so the principal is known; requests refused there
 * (401) never reach this filter.
 */
@Component
class CallerRateLimit implements WebFilter, Ordered {

    private final SharedBuckets buckets;

    CallerRateLimit(SharedBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange)))
                .flatMap(buckets::take)
                .flatMap(wait -> {
                    if (wait.isZero()) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return Problem.rateLimited().writeTo(exchange.getResponse());
                });
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
