package cn.league.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * The buckets live in this process, so the limit holds per gateway replica: with n replicas a caller
 * may reach n times the rate. Idle callers' buckets expire once they would be full again anyway.
 * Runs after Spring Security (order 0 &gt; -100), so the principal is known; requests refused there
 * (401) never reach this filter.
 */
@Component
class CallerRateLimit implements WebFilter, Ordered {

    private static final Duration MIN_IDLE = Duration.ofMinutes(1);
    private static final long MAX_CALLERS = 200_000;

    private final RateLimitProperties limit;
    private final Cache<String, TokenBucket> buckets;

    CallerRateLimit(RateLimitProperties limit) {
        this.limit = limit;
        Duration fill = TokenBucket.timeToFill(limit.burst(), limit.requestsPerSecond());
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(fill.compareTo(MIN_IDLE) > 0 ? fill : MIN_IDLE)
                .maximumSize(MAX_CALLERS)
                .build();
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
                .flatMap(caller -> {
                    long now = System.nanoTime();
                    Duration wait = buckets.get(caller,
                            key -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), now)).take(now);
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
