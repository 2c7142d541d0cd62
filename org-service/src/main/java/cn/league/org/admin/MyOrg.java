package cn.league.org.admin;

import java.util.List;

import cn.league.contracts.org.OrgType;

/** One of the orgs a person can switch to (切换其他组织, R-ADM-8). */
public record MyOrg(long orgId, String fullName, String shortName, OrgType type, boolean admin, List<String> posts) {
}
