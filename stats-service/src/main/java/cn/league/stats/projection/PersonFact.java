package cn.league.stats.projection;

import java.util.Set;

/**
 * A person as the entry statistics see them: the branch holding their membership (R-MEM-1), the orgs where they
 * hold a post (R-MEM-2) and whether their info is complete (R-MEM-6).
 */
public record PersonFact(String idNumber, Long branchId, Set<Long> postOrgIds, boolean complete) {

    public PersonFact {
        postOrgIds = Set.copyOf(postOrgIds);
    }

    /** Someone the projection knows nothing of yet: in no org, not complete. */
    static PersonFact unknown(String idNumber) {
        return new PersonFact(idNumber, null, Set.of(), false);
    }

    PersonFact withBranch(Long branch) {
        return new PersonFact(idNumber, branch, postOrgIds, complete);
    }

    PersonFact withPosts(Set<Long> orgIds) {
        return new PersonFact(idNumber, branchId, orgIds, complete);
    }

    PersonFact withComplete(boolean isComplete) {
        return new PersonFact(idNumber, branchId, postOrgIds, isComplete);
    }

    PersonFact withIdNumber(String newIdNumber) {
        return new PersonFact(newIdNumber, branchId, postOrgIds, complete);
    }
}
