package cn.league.stats.projection;

import java.util.HashMap;
import java.util.Map;

/**
 * Orgs' own figures — the people in the org itself, not below it — added up person by person. A member counts in
 * their branch, a cadre in each org of a post; "people" counts a branch's members and cadres once each, for the
 * branch's completion rule (R-STAT-1). Adding a person's old fact with -1 and the new one with +1 gives what an
 * event changed, so the incremental projection and a full recompute use the same arithmetic.
 */
public final class OwnFigures {

    public static final int MEMBERS = 0;
    public static final int MEMBERS_COMPLETE = 1;
    public static final int CADRES = 2;
    public static final int CADRES_COMPLETE = 3;
    public static final int PEOPLE = 4;
    public static final int PEOPLE_COMPLETE = 5;
    public static final int WIDTH = 6;

    private final Map<Long, long[]> byOrg = new HashMap<>();

    /** Counts the person in (sign +1) or out (sign -1) of the orgs they are in; null is nobody. */
    public void add(PersonFact person, int sign) {
        if (person == null) {
            return;
        }
        int complete = person.complete() ? sign : 0;
        if (person.branchId() != null) {
            long[] branch = of(person.branchId());
            branch[MEMBERS] += sign;
            branch[MEMBERS_COMPLETE] += complete;
            branch[PEOPLE] += sign;
            branch[PEOPLE_COMPLETE] += complete;
        }
        for (Long orgId : person.postOrgIds()) {
            long[] org = of(orgId);
            org[CADRES] += sign;
            org[CADRES_COMPLETE] += complete;
            if (!orgId.equals(person.branchId())) { // a member who is also a cadre of their branch counts once
                org[PEOPLE] += sign;
                org[PEOPLE_COMPLETE] += complete;
            }
        }
    }

    /** The orgs whose figures are not all zero, with their figures (indexed by the constants above). */
    public Map<Long, long[]> nonZero() {
        Map<Long, long[]> result = new HashMap<>();
        byOrg.forEach((orgId, figures) -> {
            for (long figure : figures) {
                if (figure != 0) {
                    result.put(orgId, figures);
                    return;
                }
            }
        });
        return result;
    }

    private long[] of(long orgId) {
        return byOrg.computeIfAbsent(orgId, id -> new long[WIDTH]);
    }
}
