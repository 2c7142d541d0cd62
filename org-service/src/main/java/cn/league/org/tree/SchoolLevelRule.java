package cn.league.org.tree;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.SchoolLevel;
import cn.league.support.problem.ProblemException;

/** A school-domain org names its level (高校, 中职, 高中, 初中, 小学); no other org has one. */
public final class SchoolLevelRule {

    private SchoolLevelRule() {
    }

    public static void check(OrgDomain domain, SchoolLevel level) {
        if (domain == OrgDomain.SCHOOL && level == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SCHOOL_LEVEL_REQUIRED", null,
                    "学校领域的组织需选择学校类别");
        }
        if (domain != OrgDomain.SCHOOL && level != null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SCHOOL_LEVEL_NOT_ALLOWED", null,
                    "只有学校领域的组织可以选择学校类别");
        }
    }
}
