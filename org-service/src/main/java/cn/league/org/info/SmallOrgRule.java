package cn.league.org.info;

/**
 * R-ORG-9 (FAQ 24): a branch with fewer than 3 members — party members under 28 who keep their
 * membership count as members — should be dissolved or merged with another branch.
 */
public final class SmallOrgRule {

    static final int MINIMUM_MEMBERS = 3;

    private SmallOrgRule() {
    }

    public static boolean toDissolveOrMerge(boolean isBranch, int members) {
        return isBranch && members < MINIMUM_MEMBERS;
    }
}
