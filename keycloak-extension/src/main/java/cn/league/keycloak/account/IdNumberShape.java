package cn.league.keycloak.account;

import java.util.regex.Pattern;

/**
 * The shape of a login name that can be an ID number (R-AUTH-1): 17 digits and a digit or X, in either case since
 * Keycloak lower-cases login names. Other names (service accounts, typing errors) never reach member-service, which
 * keeps the lookup cheap and the path of the internal call clean. Whether the number is valid is member-service's
 * question; a well-shaped unknown number simply is not found.
 */
public final class IdNumberShape {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9Xx]");

    private IdNumberShape() {
    }

    public static boolean matches(String loginName) {
        return loginName != null && SHAPE.matcher(loginName).matches();
    }
}
