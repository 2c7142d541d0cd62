package cn.league.gateway.proxy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code league.gateway.trusted-proxies}: CIDR blocks of the proxies in front of the gateway; none by default. */
@ConfigurationProperties("league.gateway")
public record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {
}
