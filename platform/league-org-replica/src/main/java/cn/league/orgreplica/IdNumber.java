package cn.league.orgreplica;

import java.util.Locale;

/** ID numbers compare case-insensitively (Keycloak lower-cases a final X): the replica keeps them upper-case. */
final class IdNumber {

    private IdNumber() {
    }

    static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
