package cn.league.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Checks each bearer token once while it is valid: verifying its RSA signature and parsing it was the largest single
 * cost of a request in the transfer benchmark's profile (a seventh of transfer-service's CPU), and a client sends the
 * same token with every request for the token's whole life (5 minutes in the realm). A token is kept only after it
 * passed every check of the wrapped decoder and served from here only until it expires (by {@code clock}); each entry
 * leaves the cache at its own token's expiry, and past {@link #MAX_TOKENS} the least useful entries leave one by one.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> checked;

    CachingJwtDecoder(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .executor(Runnable::run) // evictions on the calling thread: cheap, and no pool of its own
                .expireAfter(Expiry.creating((String token, Jwt jwt) ->
                        Duration.between(clock.instant(), jwt.getExpiresAt())))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Jwt known = checked.getIfPresent(token);
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token); // refuses a bad token, which is never kept
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            checked.put(token, jwt);
        } else if (known != null) {
            checked.invalidate(token);
        }
        return jwt;
    }

    /** Entries kept now, after pending evictions ran: for tests. */
    long size() {
        checked.cleanUp();
        return checked.estimatedSize();
    }
}
