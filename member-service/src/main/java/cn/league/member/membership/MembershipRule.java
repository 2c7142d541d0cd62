package cn.league.member.membership;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

/**
 * R-MEM-1 (FAQ 16, 24, 26): a membership is in a branch, never in a 团委/团工委/团总支 or a leading
 * body. People are entered into branches and graduate branches; a pending branch only receives the
 * people of a deleted branch.
 */
public final class MembershipRule {

    private MembershipRule() {
    }

    public static void checkBranch(OrgSnapshot org) {
        if (org.type() != OrgType.BRANCH && org.type() != OrgType.GRADUATE_BRANCH) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "MEMBERSHIP_ONLY_IN_BRANCH", "R-MEM-1",
                    "团员的组织关系必须在团支部,不能在团委、团工委、团总支");
        }
    }
}
