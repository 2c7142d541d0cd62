package cn.league.orgreplica;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;

/** Snapshots shaped as org-service sends them: the path and tree root follow from the parent. */
final class TestOrgs {

    private TestOrgs() {
    }

    static OrgSnapshot root(long id) {
        return new OrgSnapshot(id, null, String.valueOf(id), OrgType.LEADING_BODY, null,
                OrgDomain.PARTY_AND_GOVERNMENT, null, "共青团中央", "团中央", null, null, null);
    }

    static OrgSnapshot province(long id, OrgSnapshot root, String provinceCode) {
        return new OrgSnapshot(id, root.id(), root.path() + "." + id, OrgType.LEADING_BODY, null,
                OrgDomain.PARTY_AND_GOVERNMENT, null, "共青团" + id + "省委", "团省委", provinceCode, id, null);
    }

    static OrgSnapshot leadingBody(long id, OrgSnapshot parent, String name) {
        return child(id, parent, OrgType.LEADING_BODY, OrgDomain.PARTY_AND_GOVERNMENT, null, name, null);
    }

    static OrgSnapshot schoolCommittee(long id, OrgSnapshot parent, String name) {
        return child(id, parent, OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY, name, null);
    }

    static OrgSnapshot schoolBranch(long id, OrgSnapshot parent, String name, int graduationYear) {
        return child(id, parent, OrgType.BRANCH, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY, name, graduationYear);
    }

    static OrgSnapshot enterpriseBranch(long id, OrgSnapshot parent, String name) {
        return new OrgSnapshot(id, parent.id(), parent.path() + "." + id, OrgType.BRANCH,
                BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY, OrgDomain.PRIVATE_ENTERPRISE, null, name, name,
                parent.provinceCode(), parent.treeRootId(), null);
    }

    static OrgSnapshot child(long id, OrgSnapshot parent, OrgType type, OrgDomain domain, SchoolLevel level,
                             String name, Integer graduationYear) {
        return new OrgSnapshot(id, parent.id(), parent.path() + "." + id, type, null, domain, level, name, name,
                parent.provinceCode(), parent.treeRootId(), graduationYear);
    }

    /** The same org under another parent, as OrgChanged reports it after a move. */
    static OrgSnapshot movedUnder(OrgSnapshot org, OrgSnapshot newParent) {
        return new OrgSnapshot(org.id(), newParent.id(), newParent.path() + "." + org.id(), org.type(),
                org.branchKind(), org.domain(), org.schoolLevel(), org.fullName(), org.shortName(),
                org.provinceCode(), org.treeRootId(), org.graduationYear());
    }

    static OrgSnapshot renamed(OrgSnapshot org, String fullName) {
        return new OrgSnapshot(org.id(), org.parentId(), org.path(), org.type(), org.branchKind(), org.domain(),
                org.schoolLevel(), fullName, org.shortName(), org.provinceCode(), org.treeRootId(),
                org.graduationYear());
    }

    /** The Kafka key org-service uses: the provincial-level tree, or the org itself at the top. */
    static String keyOf(OrgSnapshot org) {
        return String.valueOf(org.treeRootId() == null ? org.id() : org.treeRootId());
    }
}
