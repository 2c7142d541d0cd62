package cn.league.identity.status;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.orgreplica.OrgTree;
import cn.league.support.problem.ProblemException;

/** R-SCOPE-1 for the checks: an admin reads and re-checks only the people of their own subtree. */
@Component
class IdentityScope {

    /** 团中央: the only org whose admins see the batches of the whole country and the centre's health. */
    static final long CENTRAL = 1;

    private final OrgTree tree;

    IdentityScope(OrgTree tree) {
        this.tree = tree;
    }

    /** @return the org's path, when the caller may act on it */
    String subtree(String caller, long orgId) {
        OrgSnapshot org = tree.find(orgId).filter(found -> tree.mayActOn(caller, orgId))
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1",
                        "无权操作该组织或人员"));
        return org.path();
    }

    /**
     * The person themselves (R-SCOPE-3) or an admin of one of their orgs. Anyone else learns nothing, not even that
     * the person exists (R-AUTH-5): the same answer as for an unknown ID number.
     */
    void person(String caller, String idNumber, List<Long> orgIds) {
        if (!idNumber.equals(caller) && tree.mayActOnAll(caller, orgIds).isEmpty()) {
            throw unknownPerson();
        }
    }

    static ProblemException unknownPerson() {
        return new ProblemException(HttpStatus.NOT_FOUND, "PERSON_NOT_FOUND", "R-SCOPE-1", "未找到该人员");
    }

    void central(String caller) {
        if (!tree.mayActOn(caller, CENTRAL)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "CENTRAL_ADMIN_ONLY", "R-SCOPE-1",
                    "只有团中央管理员可以查看核验批次和核验中心状态");
        }
    }
}
