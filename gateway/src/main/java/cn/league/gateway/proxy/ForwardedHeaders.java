package cn.league.gateway.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import reactor.core.publisher.Mono;

/**
 * Forwarded headers ({@code Forwarded}, {@code X-Forwarded-*}) count only when the request comes straight from a
 * trusted proxy ({@code league.gateway.trusted-proxies}): then they give the request's scheme, host and port (the
 * login's redirect address) and the client's address ({@link TrustedProxies#clientOf}, what the per-address rate
 * limit counts); from anyone else they are dropped unread. Either way they are gone before the routes, which send
 * the services fresh ones. First of all filters; {@code server.forward-headers-strategy} stays {@code none}, so
 * nothing else reads them.
 */
@Component
class ForwardedHeaders implements WebFilter, Ordered {

    private static final ForwardedHeaderTransformer APPLY = new ForwardedHeaderTransformer();
    private static final ForwardedHeaderTransformer DROP = new ForwardedHeaderTransformer();

    static {
        DROP.setRemoveOnly(true);
    }

    private final TrustedProxies proxies;

    ForwardedHeaders(TrustedProxyProperties properties) {
        this.proxies = new TrustedProxies(properties.trustedProxies());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null || !proxies.trusts(peer.getAddress())) {
            return chain.filter(exchange.mutate().request(DROP.apply(request)).build());
        }
        HttpHeaders headers = request.getHeaders();
        InetAddress client = proxies.clientOf(peer.getAddress(), list(headers, "Forwarded"),
                list(headers, "X-Forwarded-For"));
        ServerHttpRequest forwarded = APPLY.apply(request).mutate()
                .remoteAddress(new InetSocketAddress(client, client.equals(peer.getAddress()) ? peer.getPort() : 0))
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static List<String> list(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values != null ? values : List.of();
    }
}
