package cn.league.stats.scope;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.orgreplica.OrgTree;
import cn.league.support.problem.ProblemException;
import cn.league.support.security.ActiveOrg;

/**
 * R-SCOPE-1: statistics, lists and downloads of an org are for admins of that org or above it. The org asked
 * about defaults to the caller's active org (切换其他组织, R-ADM-8), or the one org they administer.
 */
@Component
public class StatsScope {

    private final OrgTree tree;

    StatsScope(OrgTree tree) {
        this.tree = tree;
    }

    /** The org to answer about, checked against the caller's rights. */
    public OrgSnapshot require(String caller, Long orgId) {
        long org = orgId != null ? orgId : ActiveOrg.current().orElseGet(() -> onlyOrgOf(caller));
        if (!tree.mayActOn(caller, org)) {
            throw outOfScope();
        }
        return tree.find(org).orElseThrow(StatsScope::outOfScope);
    }

    /** Acts that concern the whole country (loading the 2017 baseline, a recompute): admins of 团中央 only. */
    public void requireNational(String caller) {
        boolean national = tree.administeredBy(caller).stream()
                .anyMatch(orgId -> tree.find(orgId).map(org -> org.parentId() == null).orElse(false));
        if (!national) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "NATIONAL_ADMIN_ONLY", "R-SCOPE-1",
                    "只有团中央管理员可以进行此操作");
        }
    }

    private long onlyOrgOf(String caller) {
        Set<Long> administered = tree.administeredBy(caller);
        if (administered.size() != 1) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "ORG_REQUIRED", "R-ADM-8",
                    administered.isEmpty() ? "您不是任何组织的管理员" : "请先选择要查看的组织(切换其他组织)");
        }
        return administered.iterator().next();
    }

    public static ProblemException outOfScope() {
        return new ProblemException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1", "无权查看该组织的统计数据");
    }
}
