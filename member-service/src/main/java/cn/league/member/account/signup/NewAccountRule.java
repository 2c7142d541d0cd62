package cn.league.member.account.signup;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * R-AUTH-4 (FAQ 3): what a self-registration's new account needs. Its mobile number is a mainland one (11 digits,
 * starting with 1). An account whose sign-up has not finished — Keycloak does not hold its password yet — counts as
 * there only for {@link #UNFINISHED_FOR}: long enough for the sign-up's own calls, short enough that a sign-up cut
 * short (the service stopped between its steps) neither keeps a login that only knows the initial password nor blocks
 * the person's next try for long.
 */
public final class NewAccountRule {

    public static final Duration UNFINISHED_FOR = Duration.ofMinutes(2);

    private static final Pattern MOBILE = Pattern.compile("1[0-9]{10}");

    private NewAccountRule() {
    }

    public static String requireMobile(String mobile) {
        String stripped = mobile == null ? "" : mobile.strip();
        if (!MOBILE.matcher(stripped).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "MOBILE_INVALID", "R-AUTH-4",
                    "请输入正确的11位手机号码");
        }
        return stripped;
    }

    /**
     * Unfinished accounts made at or before this instant no longer count at {@code now} (member-service's account
     * lookup and the claim of an ID number compare with it); finished ones always count.
     */
    public static Instant unfinishedNoLaterThan(Instant now) {
        return now.minus(UNFINISHED_FOR);
    }
}
