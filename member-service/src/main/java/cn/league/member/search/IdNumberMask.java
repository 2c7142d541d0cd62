package cn.league.member.search;

import java.util.Collection;
import java.util.Set;

/**
 * R-SRCH-1: a search shows an ID number in full only to the person themself and to the admins who
 * administer them — admins of the org holding their membership or one of their posts, or of that org's
 * direct parent (the same circle that corrects their development number, R-MEM-7, and issues reset codes,
 * R-AUTH-3). Higher admins in scope see it masked, e.g. {@code 110105********4329}.
 */
public final class IdNumberMask {

    private IdNumberMask() {
    }

    /** An org the person belongs to (membership branch or post org) and that org's direct parent. */
    public record PersonOrg(long orgId, Long parentId) {
    }

    public static boolean administers(String caller, String idNumber, Set<Long> callerAdministers,
                                      Collection<PersonOrg> personOrgs) {
        if (caller.equals(idNumber)) {
            return true;
        }
        return personOrgs.stream().anyMatch(org -> callerAdministers.contains(org.orgId())
                || org.parentId() != null && callerAdministers.contains(org.parentId()));
    }

    /** First six (region) and last four characters kept, the birth date and sequence hidden. */
    public static String masked(String idNumber) {
        if (idNumber.length() <= 10) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    public static String shown(String idNumber, boolean administers) {
        return administers ? idNumber : masked(idNumber);
    }
}
