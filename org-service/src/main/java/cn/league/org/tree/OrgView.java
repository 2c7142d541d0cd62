package cn.league.org.tree;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;

/** An org as the API shows it. */
public record OrgView(long id, Long parentId, String path, OrgType type, BranchKind branchKind, OrgDomain domain,
                      SchoolLevel schoolLevel, String fullName, String shortName, String provinceCode,
                      String contactPerson, String contactPhone, String secretaryName, Integer baseline2017,
                      String schoolCode, Integer graduationYear, boolean categoryConfirmed) {

    public static OrgView of(Org org) {
        return new OrgView(org.id(), org.parentId(), org.path(), org.type(), org.branchKind(), org.domain(),
                org.schoolLevel(), org.fullName(), org.shortName(), org.provinceCode(), org.contactPerson(),
                org.contactPhone(), org.secretaryName(), org.baseline2017(), org.schoolCode(), org.graduationYear(),
                org.categoryConfirmed());
    }
}
