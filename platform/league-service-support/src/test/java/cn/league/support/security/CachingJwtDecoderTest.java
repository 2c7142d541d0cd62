package cn.league.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(5));

    final AtomicInteger checks = new AtomicInteger();
    /** Stands for the signature and claim checks: "good" passes until it expires, anything else is refused. */
    final JwtDecoder checker = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("110105199001014329")
                .issuedAt(EXPIRES.minus(Duration.ofMinutes(5))).expiresAt(EXPIRES).build();
    };

    @Test
    void aValidTokenIsCheckedOnceUntilItExpires() {
        var decoder = new CachingJwtDecoder(checker, Clock.fixed(NOW, ZoneOffset.UTC));
        Jwt first = decoder.decode("good-1");
        assertThat(decoder.decode("good-1")).isSameAs(first);
        assertThat(checks).hasValue(1);

        var later = new CachingJwtDecoder(checker, Clock.fixed(EXPIRES, ZoneOffset.UTC));
        later.decode("good-1");
        later.decode("good-1");
        assertThat(checks).as("an expired token is never served from the cache").hasValue(3);
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        var decoder = new CachingJwtDecoder(checker, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aFullCacheStartsOver() {
        var decoder = new CachingJwtDecoder(checker, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i <= CachingJwtDecoder.MAX_TOKENS; i++) {
            decoder.decode("good-" + i);
        }
        decoder.decode("good-0");
        assertThat(checks).as("good-0 left with the others when the cache was full")
                .hasValue(CachingJwtDecoder.MAX_TOKENS + 2);
        decoder.decode("good-" + CachingJwtDecoder.MAX_TOKENS);
        assertThat(checks).hasValue(CachingJwtDecoder.MAX_TOKENS + 2);
    }
}
