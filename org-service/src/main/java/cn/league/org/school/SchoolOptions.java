package cn.league.org.school;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgDomain;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;

/**
 * What the caller may do about an org's school details, by the same rules that refuse the acts themselves, so the
 * console offers only those: the 学校机构编号 of an independent school (R-ORG-8), the graduation year of a school
 * branch (R-GRAD-1), and the marks of the branches right under a school body.
 */
@Service
public class SchoolOptions {

    private final OrgStore orgs;
    private final SchoolStore store;
    private final Scope scope;

    SchoolOptions(OrgStore orgs, SchoolStore store, Scope scope) {
        this.orgs = orgs;
        this.store = store;
        this.scope = scope;
    }

    /**
     * @param independentSchool     the org has a 学校机构编号 (R-ORG-8)
     * @param maySetSchoolCode      the caller may set, change or clear it
     * @param markable              the org is a branch whose graduation year can be marked (R-GRAD-1)
     * @param mayMark               the caller may mark it
     * @param mayMarkBranchesBelow  the caller may mark the branches right under it
     */
    public record Options(long orgId, boolean independentSchool, boolean maySetSchoolCode, boolean markable,
                          boolean mayMark, boolean mayMarkBranchesBelow) {
    }

    @Transactional(readOnly = true)
    public Options of(String caller, long orgId) {
        Org org = orgs.find(orgId).orElseThrow(OrgTree::notFound);
        scope.requireMayActOn(caller, orgId);
        OrgDomain parentDomain = org.parentId() == null ? null
                : orgs.find(org.parentId()).map(Org::domain).orElse(null);
        boolean independent = SchoolCodeRule.isIndependentSchool(org, parentDomain);
        List<Org> administered = store.administeredOnPath(caller, org);
        boolean markable = GraduationMarkRule.markable(org);
        return new Options(orgId, independent, independent && scope.administers(caller, orgId), markable,
                markable && GraduationMarkRule.mayMark(org, administered),
                !org.type().isBranch() && GraduationMarkRule.mayMarkChildrenOf(org, administered));
    }
}
