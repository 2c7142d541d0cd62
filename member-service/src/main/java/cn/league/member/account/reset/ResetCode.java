package cn.league.member.account.reset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A password-reset code (密码重置验证码, R-AUTH-3): 10 random characters without look-alikes (no 0/O, 1/I/L), which
 * an admin reads out to the person. Stored as SHA-256 over the person's ID number and the code, so a stored hash
 * opens nobody else's account.
 */
public final class ResetCode {

    public static final Duration VALIDITY = Duration.ofHours(24);
    static final int LENGTH = 10;
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResetCode() {
    }

    public static String random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Case and blanks around it do not matter: people type what they were told. */
    public static String hash(String idNumber, String typed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (idNumber + ":" + typed.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
