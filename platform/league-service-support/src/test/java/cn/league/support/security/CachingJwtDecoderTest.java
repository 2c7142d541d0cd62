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
    void aTokenCachedThenExpiredIsCheckedAgainAndRefusedWhenTheCheckerRefusesIt() {
        MutableClock clock = new MutableClock(NOW);
        var decoder = new CachingJwtDecoder(token -> {
            checks.incrementAndGet();
            if (!clock.instant().isBefore(EXPIRES)) {
                throw new BadJwtException("expired");
            }
            return checker.decode(token);
        }, clock);
        Jwt cached = decoder.decode("good-1");
        assertThat(decoder.decode("good-1")).isSameAs(cached);

        clock.now = EXPIRES;
        assertThatThrownBy(() -> decoder.decode("good-1")).isInstanceOf(BadJwtException.class);
        assertThat(checks).as("checked at first and again once expired; the cached one was not served").hasValue(3);
    }

    @Test
    void aFullCacheEvictsEntriesOneByOneAndKeepsItsBound() {
        var decoder = new CachingJwtDecoder(checker, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < CachingJwtDecoder.MAX_TOKENS; i++) {
            decoder.decode("good-" + i);
        }
        for (int i = 0; i < 10; i++) {
            decoder.decode("good-busy-client");
        }
        for (int i = CachingJwtDecoder.MAX_TOKENS; i < CachingJwtDecoder.MAX_TOKENS + 500; i++) {
            decoder.decode("good-" + i);
        }
        assertThat(decoder.size()).isEqualTo(CachingJwtDecoder.MAX_TOKENS);

        int before = checks.get();
        decoder.decode("good-busy-client");
        assertThat(checks.get() - before).as("a full cache does not start over: the busy client's token stayed")
                .isZero();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
