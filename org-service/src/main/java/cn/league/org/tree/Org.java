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

    /** What an admin fills in about an org (R-ORG-3): category, domain, names, contact and the 2017 团统 count. */
    public record Info(OrgType type, OrgDomain domain, SchoolLevel schoolLevel, String fullName, String shortName,
                       String contactPerson, String contactPhone, Integer baseline2017) {
    }

    /** A new direct child of {@code parent}: in the parent's provincial-level tree, no secretary or marks yet. */
    public static Org childOf(Org parent, long id, Info info, BranchKind branchKind, boolean categoryConfirmed) {
        return new Org(id, parent.id(), parent.path() + "." + id, info.type(), branchKind, info.domain(),
                info.schoolLevel(), info.fullName(), info.shortName(), parent.provinceCode(),
                parent.treeRootId() == null ? id : parent.treeRootId(), info.contactPerson(), info.contactPhone(),
                null, null, info.baseline2017(), null, null, categoryConfirmed);
    }

    /** The same org with its info as edited (R-ORG-3, R-ORG-4). */
    public Org withInfo(Info info, boolean categoryConfirmed) {
        return new Org(id, parentId, path, info.type(), branchKind, info.domain(), info.schoolLevel(), info.fullName(),
                info.shortName(), provinceCode, treeRootId, info.contactPerson(), info.contactPhone(),
                secretaryIdNumber, secretaryName, info.baseline2017(), schoolCode, graduationYear, categoryConfirmed);
    }

    /** The same org with another secretary (R-ORG-6). */
    public Org withSecretary(String idNumber, String name) {
        return new Org(id, parentId, path, type, branchKind, domain, schoolLevel, fullName, shortName, provinceCode,
                treeRootId, contactPerson, contactPhone, idNumber, name, baseline2017, schoolCode, graduationYear,
                categoryConfirmed);
    }

    /** The same org with its 学校机构编号 set or cleared (R-ORG-8). */
    public Org withSchoolCode(String code) {
        return new Org(id, parentId, path, type, branchKind, domain, schoolLevel, fullName, shortName, provinceCode,
                treeRootId, contactPerson, contactPhone, secretaryIdNumber, secretaryName, baseline2017, code,
                graduationYear, categoryConfirmed);
    }

    /** The same branch with its graduation year marked or cleared (R-GRAD-1, R-GRAD-2). */
    public Org withGraduationYear(Integer year) {
        return new Org(id, parentId, path, type, branchKind, domain, schoolLevel, fullName, shortName, provinceCode,
                treeRootId, contactPerson, contactPhone, secretaryIdNumber, secretaryName, baseline2017, schoolCode,
                year, categoryConfirmed);
    }

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
