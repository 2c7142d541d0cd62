package cn.league.member.account;

/**
 * What Keycloak's user lookup learns about an ID number (R-AUTH-1, R-AUTH-2): whether member-service knows the
 * person, whether they may log in, and the name to show. Nothing else leaves member-service on this path.
 *
 * @param idNumber the ID number as member-service keeps it (upper-case)
 * @param exists   the ID number is in the system, deleted people and self-registered accounts included (R-AUTH-5)
 * @param mayLogIn the person exists and was not deleted (R-MEM-8), or registered themself (R-AUTH-4): only they log in
 * @param name     the person's name while they may log in, else null
 */
public record Account(String idNumber, boolean exists, boolean mayLogIn, String name) {

    static Account unknown(String idNumber) {
        return new Account(idNumber, false, false, null);
    }

    static Account deleted(String idNumber) {
        return new Account(idNumber, true, false, null);
    }

    static Account active(String idNumber, String name) {
        return new Account(idNumber, true, true, name);
    }
}
