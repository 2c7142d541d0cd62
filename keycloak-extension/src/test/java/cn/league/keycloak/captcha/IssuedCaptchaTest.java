package cn.league.keycloak.captcha;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IssuedCaptchaTest {

    static final Instant SHOWN = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    @DisplayName("R-AUTH-1 the captcha's answer counts, in any case, for 2 minutes after it was shown")
    void rightWithinTheLifetime() {
        IssuedCaptcha issued = IssuedCaptcha.issue("K7PM", SHOWN);

        assertThat(IssuedCaptcha.check(issued, "K7PM", SHOWN.plusSeconds(5))).isEqualTo(IssuedCaptcha.Verdict.RIGHT);
        assertThat(IssuedCaptcha.check(issued, " k7pm ", SHOWN.plus(Duration.ofSeconds(119))))
                .isEqualTo(IssuedCaptcha.Verdict.RIGHT);
    }

    @Test
    @DisplayName("R-AUTH-1 a wrong captcha is refused")
    void wrong() {
        IssuedCaptcha issued = IssuedCaptcha.issue("K7PM", SHOWN);

        assertThat(IssuedCaptcha.check(issued, "K7PN", SHOWN.plusSeconds(5))).isEqualTo(IssuedCaptcha.Verdict.WRONG);
    }

    @Test
    @DisplayName("R-AUTH-1 a captcha older than 2 minutes is refused even with the right answer")
    void expired() {
        IssuedCaptcha issued = IssuedCaptcha.issue("K7PM", SHOWN);

        assertThat(IssuedCaptcha.check(issued, "K7PM", SHOWN.plus(IssuedCaptcha.LIFETIME)))
                .isEqualTo(IssuedCaptcha.Verdict.EXPIRED);
    }

    @Test
    @DisplayName("R-AUTH-1 a captcha already used (none pending) is refused: each is good for one attempt")
    void usedUp() {
        assertThat(IssuedCaptcha.check(null, "K7PM", SHOWN)).isEqualTo(IssuedCaptcha.Verdict.EXPIRED);
    }

    @Test
    @DisplayName("R-AUTH-1 a login without a captcha is refused")
    void missing() {
        IssuedCaptcha issued = IssuedCaptcha.issue("K7PM", SHOWN);

        assertThat(IssuedCaptcha.check(issued, "", SHOWN)).isEqualTo(IssuedCaptcha.Verdict.MISSING);
        assertThat(IssuedCaptcha.check(issued, null, SHOWN)).isEqualTo(IssuedCaptcha.Verdict.MISSING);
        assertThat(IssuedCaptcha.Verdict.MISSING.messageKey).isEqualTo("leagueCaptchaMissing");
    }
}
