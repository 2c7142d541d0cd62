package cn.league.contracts.org;

/**
 * What every other service may know of an org: enough to scope, route and label.
 *
 * @param id               the org's id
 * @param parentId         its parent, null for 团中央
 * @param path             materialised path of ids from the root, dot-separated (e.g. {@code 1.3.27})
 * @param type             its category
 * @param branchKind       the branch flag, or null
 * @param domain           its domain
 * @param schoolLevel      for school-domain orgs, or null
 * @param fullName         full name
 * @param shortName        short name
 * @param provinceCode     GB/T 2260 province code (two digits) of its provincial-level tree, or null for
 *                         团中央 and the national system committees
 * @param treeRootId       the provincial-level org (a province, 兵团 or a system committee) it sits under,
 *                         or null for 团中央 (R-TR-10)
 * @param graduationYear   for school branches, the year they graduate, or null (R-GRAD-1)
 */
public record OrgSnapshot(long id, Long parentId, String path, OrgType type, BranchKind branchKind,
                          OrgDomain domain, SchoolLevel schoolLevel, String fullName, String shortName,
                          String provinceCode, Long treeRootId, Integer graduationYear) {
}
