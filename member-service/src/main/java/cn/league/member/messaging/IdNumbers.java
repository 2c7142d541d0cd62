package cn.league.member.messaging;

import java.util.Locale;

/** Other services may send an ID number with a lower-case x (Keycloak lower-cases login names); ours are upper-case. */
final class IdNumbers {

    private IdNumbers() {
    }

    static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
