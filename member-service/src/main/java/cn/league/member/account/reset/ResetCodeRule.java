package cn.league.member.account.reset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * R-AUTH-3 (FAQ 14): a reset code opens one password change, within 24 hours of being issued, and only while no
 * newer code replaced it (a new code overwrites the old one's hash). A wrong code changes nothing, so the person
 * may type it again; a used or expired one says to ask the admin for a new one.
 */
public final class ResetCodeRule {

    private ResetCodeRule() {
    }

    /**
     * @param stored    the person's current code, or null when none was issued
     * @param typedHash {@link ResetCode#hash} of what was typed
     */
    public static void checkRedeemable(StoredResetCode stored, String typedHash, Instant now) {
        if (stored == null || !MessageDigest.isEqual(stored.codeHash().getBytes(StandardCharsets.US_ASCII),
                typedHash.getBytes(StandardCharsets.US_ASCII))) {
            throw refused("RESET_CODE_WRONG", "身份证号或密码重置验证码不正确,请核对后重新输入");
        }
        if (stored.usedAt() != null) {
            throw refused("RESET_CODE_USED", "该密码重置验证码已使用过,每个验证码只能使用一次,请联系组织管理员重新分配");
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw refused("RESET_CODE_EXPIRED", "该密码重置验证码已过期(有效期24小时),请联系组织管理员重新分配");
        }
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "R-AUTH-3", detail);
    }

    /** A person's code as stored: its hash, its end and when it was used (null: not yet). */
    public record StoredResetCode(String codeHash, Instant expiresAt, Instant usedAt) {
    }
}
