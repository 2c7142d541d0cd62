package cn.league.org.info;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.org.people.People;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgTree;

/** Completeness (R-ORG-5) and the small-org flag (R-ORG-9) of an org in the caller's subtree. */
@Service
public class OrgStatusQuery {

    private final OrgTree tree;
    private final People people;

    public OrgStatusQuery(OrgTree tree, People people) {
        this.tree = tree;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public OrgStatus status(String caller, long orgId) {
        Org org = tree.get(caller, orgId);
        String secretary = org.secretaryIdNumber();
        Completeness completeness = Completeness.of(org,
                secretary != null && people.isKnown(secretary),
                secretary != null && people.hasMobile(secretary));
        int members = org.type().isBranch() ? people.countMembers(orgId) : 0;
        return new OrgStatus(orgId, completeness.complete(), completeness.missing(), members,
                SmallOrgRule.toDissolveOrMerge(org.type().isBranch(), members));
    }
}
