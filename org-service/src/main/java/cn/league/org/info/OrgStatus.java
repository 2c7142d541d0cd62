package cn.league.org.info;

import java.util.List;

/**
 * How an org stands: R-ORG-5 completeness with what is missing, and the R-ORG-9 flag.
 *
 * @param members           members whose membership is in this org (branches only; 0 otherwise)
 * @param toDissolveOrMerge a branch with fewer than 3 members
 */
public record OrgStatus(long orgId, boolean complete, List<String> missing, int members, boolean toDissolveOrMerge) {
}
