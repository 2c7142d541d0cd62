package cn.league.org.support;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;
import cn.league.org.tree.Org;

/** Orgs for the rule tests, built without a database. */
public final class Orgs {

    private Orgs() {
    }

    public static Org org(long id, Long parentId, String path, OrgType type, OrgDomain domain, SchoolLevel level) {
        return new Org(id, parentId, path, type, null, domain, level, "组织" + id, "组织" + id, "11", 2L, null, null,
                null, null, null, null, null, false);
    }
}
