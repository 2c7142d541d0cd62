package cn.league.gateway.proxy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** What the filters after this one (Spring Security's login redirect, the rate limit, the routes) see. */
class ForwardedHeadersTest {

    final ForwardedHeaders filter = new ForwardedHeaders(new TrustedProxyProperties(List.of("10.0.0.0/8")));

    @Test
    void anUntrustedPeersForwardedHeadersAreDroppedUnread() {
        ServerHttpRequest seen = pass(MockServerHttpRequest.get("http://gateway.internal:8080/api/orgs/1")
                .remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=198.51.100.1"));

        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(seen.getURI().toString()).isEqualTo("http://gateway.internal:8080/api/orgs/1");
        assertThat(seen.getHeaders().headerNames()).noneMatch(name -> name.toLowerCase().contains("forwarded"));
    }

    @Test
    void aTrustedProxyGivesTheClientAndTheAddressItWasCalledAt() {
        ServerHttpRequest seen = pass(MockServerHttpRequest.get("http://10.1.1.1:8080/login/oauth2/code/keycloak")
                .remoteAddress(new InetSocketAddress("10.2.3.4", 40000))
                .header("X-Forwarded-For", "1.1.1.1, 198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "league.example.com")
                .header("X-Forwarded-Port", "443"));

        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.7");
        assertThat(seen.getURI().toString()).isEqualTo("https://league.example.com/login/oauth2/code/keycloak");
        assertThat(seen.getHeaders().headerNames()).noneMatch(name -> name.toLowerCase().contains("forwarded"));
    }

    private ServerHttpRequest pass(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
            seen.set(exchange.getRequest());
            return Mono.empty();
        }).block();
        return seen.get();
    }
}
