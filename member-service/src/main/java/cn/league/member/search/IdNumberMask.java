package cn.league.member.search;

import java.util.Collection;
import java.util.Set;

/**
 * R-SRCH-1 <b>Decision</b>: a search by the whole ID number shows it in full to whoever finds the person (only people
 * inside the caller's subtree are found, so nothing of another org is shown, R-AUTH-5). A search by name and an
 * e-archive opened by development number show it in full only to the person themself and to the admins who
 * administer them — admins of the org holding their membership or one of their posts, or of that org's direct
 * parent (the same circle that corrects their development number, R-MEM-7, and issues reset codes, R-AUTH-3). Higher
 * admins see it masked there, e.g. {@code 110105********4329}: a name search over a province would otherwise hand out
 * thousands of ID numbers at once.
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
