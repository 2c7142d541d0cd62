package cn.league.member.account.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.league.captcha.Captcha;
import cn.league.support.problem.ProblemException;

/**
 * The captchas (验证码) of the public account forms: drawn by {@link Captcha}, kept as the hash of the answer for
 * five minutes, and used up by the first check, right or wrong, so each one allows a single guess.
 * <p>
 * {@code league.accounts.captcha.test-answer} makes every captcha's answer that text; only the system test sets it
 * (through the environment of the stack it starts); no shipped configuration does.
 */
@Service
public class Captchas {

    static final Duration VALIDITY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(Captchas.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String testAnswer;

    Captchas(JdbcClient jdbc, ObjectProvider<Clock> clock,
             @Value("${league.accounts.captcha.test-answer:}") String testAnswer) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.testAnswer = testAnswer;
        if (!testAnswer.isEmpty()) {
            log.warn("captchas have a fixed answer (league.accounts.captcha.test-answer): for tests only");
        }
    }

    public Issued issue() {
        Captcha captcha = Captcha.generate();
        String answer = testAnswer.isEmpty() ? captcha.answer() : testAnswer;
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(VALIDITY);
        jdbc.sql("insert into captcha (id, answer_hash, expires_at) values (?, ?, ?)")
                .params(id, hash(answer), Timestamp.from(expiresAt)).update();
        return new Issued(id, captcha.png(), expiresAt);
    }

    /**
     * Refuses unless the answer is right and the captcha still lives at {@code now}. Deletes it in its own statement
     * (outside any caller's transaction), so a refused form cannot try the same captcha again.
     */
    public void requireSolved(String captchaId, String answer, Instant now) {
        Optional<Stored> stored = parse(captchaId).flatMap(id -> jdbc
                .sql("delete from captcha where id = ? returning answer_hash, expires_at")
                .param(id)
                .query((row, n) -> new Stored(row.getString(1), row.getTimestamp(2).toInstant()))
                .optional());
        if (stored.isEmpty() || !now.isBefore(stored.get().expiresAt())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CAPTCHA_EXPIRED", "R-AUTH-3",
                    "验证码已失效,请刷新验证码后重新输入");
        }
        if (answer == null || !MessageDigest.isEqual(stored.get().answerHash().getBytes(StandardCharsets.US_ASCII),
                hash(answer).getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CAPTCHA_WRONG", "R-AUTH-3",
                    "验证码不正确,请刷新验证码后重新输入");
        }
    }

    /** Captchas nobody answered: gone once expired. */
    @Scheduled(fixedDelayString = "${league.accounts.captcha.clean-up-every:PT10M}")
    void forgetExpired() {
        jdbc.sql("delete from captcha where expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    private static Optional<UUID> parse(String captchaId) {
        try {
            return captchaId == null ? Optional.empty() : Optional.of(UUID.fromString(captchaId.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Case and surrounding blanks do not matter, as in {@link Captcha#matches}. */
    static String hash(String answer) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(answer.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public record Issued(UUID id, byte[] png, Instant expiresAt) {
    }

    private record Stored(String answerHash, Instant expiresAt) {
    }
}
