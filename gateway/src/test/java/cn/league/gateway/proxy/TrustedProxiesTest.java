package cn.league.gateway.proxy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    static final TrustedProxies PROXIES = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(PROXIES.clientOf(ip("203.0.113.9"), List.of("for=198.51.100.1"), List.of("198.51.100.1")))
                .isEqualTo(ip("203.0.113.9"));
        assertThat(new TrustedProxies(List.of()).clientOf(ip("10.1.2.3"), List.of(), List.of("198.51.100.1")))
                .as("no proxy trusted by default").isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        // the client wrote 1.1.1.1 itself; the outer proxy appended the address it saw (198.51.100.7)
        assertThat(PROXIES.clientOf(ip("10.0.0.2"), List.of(), List.of("1.1.1.1, 198.51.100.7", "10.0.0.1")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(PROXIES.clientOf(ip("192.168.1.5"), List.of(), List.of("198.51.100.7:5123")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void forwardedWinsOverXForwardedFor() {
        assertThat(PROXIES.clientOf(ip("fd00::1"), List.of("for=1.1.1.1, for=\"[2001:db8::7]:4711\";proto=https"),
                List.of("198.51.100.7"))).isEqualTo(ip("2001:db8::7"));
    }

    @Test
    void aHopWithoutAnAddressEndsTheWalkAtTheLastKnownOne() {
        assertThat(PROXIES.clientOf(ip("10.0.0.2"), List.of("for=unknown"), List.of())).isEqualTo(ip("10.0.0.2"));
        assertThat(PROXIES.clientOf(ip("10.0.0.2"), List.of(), List.of("evil.example.com"))).isEqualTo(ip("10.0.0.2"));
        assertThat(PROXIES.clientOf(ip("10.0.0.2"), List.of(), List.of())).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void blocksMatchByPrefix() {
        assertThat(PROXIES.trusts(ip("10.255.0.1"))).isTrue();
        assertThat(PROXIES.trusts(ip("11.0.0.1"))).isFalse();
        assertThat(PROXIES.trusts(ip("192.168.1.6"))).isFalse();
        assertThat(PROXIES.trusts(ip("fdab::1"))).isTrue();
        assertThat(new TrustedProxies(List.of("172.16.0.0/12")).trusts(ip("172.31.255.255"))).isTrue();
        assertThat(new TrustedProxies(List.of("172.16.0.0/12")).trusts(ip("172.32.0.1"))).isFalse();
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.com/8")))
                .hasMessageContaining("not a CIDR block");
    }

    static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal.contains(":") ? "[" + literal + "]" : literal).orElseThrow();
    }
}
