package cn.league.org.tree;

import java.util.Set;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

/**
 * Where a flagged branch may be made.
 * <p>R-GRAD-5: a 学社衔接临时团支部 is made by a 团工委 only. <b>Decision</b>: an enterprise park's 团工委
 * (domain 非公企业, 国有企业 or 其他), or a township's or street's 团工委 (农村, 城市社区), which FAQ 56 names as
 * the model the parks follow and R-TR-11 names as a destination.
 * <p>R-TR-11: a 流动团支部 belongs to a township or street, i.e. under an org of domain 农村 or 城市社区.
 */
public final class BranchKindRule {

    private static final Set<OrgDomain> TEMPORARY_BRANCH_HOLDERS = Set.of(OrgDomain.PRIVATE_ENTERPRISE,
            OrgDomain.STATE_ENTERPRISE, OrgDomain.OTHER, OrgDomain.RURAL, OrgDomain.URBAN_COMMUNITY);
    private static final Set<OrgDomain> TOWNSHIP_OR_STREET = Set.of(OrgDomain.RURAL, OrgDomain.URBAN_COMMUNITY);

    private BranchKindRule() {
    }

    public static void checkParent(OrgType parentType, OrgDomain parentDomain, BranchKind branchKind) {
        if (branchKind == BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY && (parentType != OrgType.WORK_COMMITTEE
                || !TEMPORARY_BRANCH_HOLDERS.contains(parentDomain))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "TEMPORARY_BRANCH_PARENT_NOT_ALLOWED",
                    "R-GRAD-5", "学社衔接临时团支部只能由企业园区团工委或乡镇街道团工委设立");
        }
        if (branchKind == BranchKind.FLOATING && !TOWNSHIP_OR_STREET.contains(parentDomain)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "FLOATING_BRANCH_PARENT_NOT_ALLOWED",
                    "R-TR-11", "流动团支部只能设在乡镇、街道团组织下");
        }
    }
}
