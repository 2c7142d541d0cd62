package cn.league.stats.completion;

import cn.league.contracts.org.OrgType;

/**
 * R-STAT-1 (FAQ 18): whether an org has completed entry, from its own people.
 * <ul>
 * <li>a leading body: all its cadres complete — <b>Decision</b>: and at least one cadre entered, since a body with
 * nobody entered has not completed anything;</li>
 * <li>a committee, work committee or general branch: at least 2 complete cadres;</li>
 * <li>a branch (also a pending or graduate branch): at least 3 complete members and cadres.</li>
 * </ul>
 * Completeness of a person (R-MEM-6) is member-service's to decide; it arrives on its events.
 */
public final class CompletionRule {

    static final int BODY_CADRES = 2;
    static final int BRANCH_PEOPLE = 3;

    private CompletionRule() {
    }

    /**
     * @param cadres         cadres with a post in the org
     * @param cadresComplete of them, those whose info is complete
     * @param peopleComplete members and cadres of the org (each once) whose info is complete
     */
    public static boolean isComplete(OrgType type, long cadres, long cadresComplete, long peopleComplete) {
        if (type == OrgType.LEADING_BODY) {
            return cadres > 0 && cadresComplete == cadres;
        }
        if (type.isGrassrootsBody()) {
            return cadresComplete >= BODY_CADRES;
        }
        return peopleComplete >= BRANCH_PEOPLE;
    }
}
