package cn.league.keycloak.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * R-AUTH-2 (FAQ 13, 31): a person an admin added logs in with their ID number and the initial password, the last 8
 * characters of the ID number, a final check character written as upper-case X. It is good only until the person
 * sets their own password, which the first login requires.
 */
public final class InitialPassword {

    static final int LENGTH = 8;

    private InitialPassword() {
    }

    /** The initial password of an ID number, whatever the case Keycloak hands it over in. */
    public static String of(String idNumber) {
        String canonical = idNumber.strip().toUpperCase(Locale.ROOT);
        if (canonical.length() < LENGTH) {
            throw new IllegalArgumentException("not an ID number: " + idNumber);
        }
        return canonical.substring(canonical.length() - LENGTH);
    }

    /** Whether {@code given} is that initial password, compared in constant time. */
    public static boolean matches(String idNumber, String given) {
        if (given == null || !IdNumberShape.matches(idNumber)) {
            return false;
        }
        return MessageDigest.isEqual(of(idNumber).getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
