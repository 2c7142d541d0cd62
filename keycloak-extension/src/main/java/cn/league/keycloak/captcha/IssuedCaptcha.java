package cn.league.keycloak.captcha;

import java.time.Duration;
import java.time.Instant;

import cn.league.captcha.Captcha;

/**
 * A captcha shown on the login form (R-AUTH-1): its answer, kept in the authentication session, never in the page,
 * and the moment it stops counting. Each is checked once: the form takes it out before checking and shows a new one.
 */
record IssuedCaptcha(String answer, Instant expiresAt) {

    static final Duration LIFETIME = Duration.ofMinutes(2);

    static IssuedCaptcha issue(String answer, Instant now) {
        return new IssuedCaptcha(answer, now.plus(LIFETIME));
    }

    /** The verdict on what the person typed; {@code issued} is null when none is pending (used up, or never shown). */
    static Verdict check(IssuedCaptcha issued, String given, Instant now) {
        if (given == null || given.isBlank()) {
            return Verdict.MISSING;
        }
        if (issued == null || !now.isBefore(issued.expiresAt())) {
            return Verdict.EXPIRED;
        }
        return Captcha.matches(issued.answer(), given) ? Verdict.RIGHT : Verdict.WRONG;
    }

    /** What the person is told, as a message key of the login theme. */
    enum Verdict {
        RIGHT(null),
        MISSING("leagueCaptchaMissing"),
        WRONG("leagueCaptchaWrong"),
        EXPIRED("leagueCaptchaExpired");

        final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }
    }
}
