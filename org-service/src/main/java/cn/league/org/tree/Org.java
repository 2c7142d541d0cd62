package cn.league.org.tree;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;

/** An org as org-service keeps it: its place in the tree and its info (R-ORG-1, R-ORG-3). */
public record Org(long id, Long parentId, String path, OrgType type, BranchKind branchKind, OrgDomain domain,
                  SchoolLevel schoolLevel, String fullName, String shortName, String provinceCode, Long treeRootId,
                  String contactPerson, String contactPhone, String secretaryIdNumber, String secretaryName,
                  Integer baseline2017, String schoolCode, Integer graduationYear, boolean categoryConfirmed) {

    /** 团中央 and the provincial-level orgs right below it: their category, names and domain never change (R-ORG-4). */
    public boolean isTopLevel() {
        return depth() <= 2;
    }

    public int depth() {
        return path.split("\\.").length;
    }

    public OrgSnapshot snapshot() {
        return new OrgSnapshot(id, parentId, path, type, branchKind, domain, schoolLevel, fullName, shortName,
                provinceCode, treeRootId, graduationYear);
    }

    /** The Kafka key of this org's events: its provincial-level tree, so one tree's events stay in order. */
    public String eventKey() {
        return String.valueOf(treeRootId == null ? id : treeRootId);
    }
}
