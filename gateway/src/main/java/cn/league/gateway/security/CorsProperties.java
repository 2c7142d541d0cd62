package cn.league.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Origins whose pages may call the gateway from a browser; none by default (same origin only). */
@ConfigurationProperties("league.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
