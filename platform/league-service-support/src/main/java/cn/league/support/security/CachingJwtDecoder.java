package cn.league.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Checks each bearer token once while it is valid: verifying its RSA signature and parsing it was the largest single
 * cost of a request in the transfer benchmark's profile (a seventh of transfer-service's CPU), and a client sends the
 * same token with every request for the token's whole life (5 minutes in the realm). A token is kept only after it
 * passed every check of the wrapped decoder, and used from here only until it expires; at most {@link #MAX_TOKENS}
 * are kept, and a full cache starts over.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> checked = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Jwt known = checked.get(token);
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token); // refuses a bad token, which is never kept
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            if (checked.size() >= MAX_TOKENS) {
                checked.clear();
            }
            checked.put(token, jwt);
        } else if (known != null) {
            checked.remove(token);
        }
        return jwt;
    }
}
