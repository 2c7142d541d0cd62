package cn.league.org.tree;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;

/** A direct child org as its parent's admin enters it. */
public record NewOrg(@NotNull OrgType type, BranchKind branchKind, @NotNull OrgDomain domain, SchoolLevel schoolLevel,
                     @NotBlank @Size(max = 100) String fullName, @NotBlank @Size(max = 50) String shortName,
                     @Size(max = 50) String contactPerson, @Size(max = 30) String contactPhone,
                     @PositiveOrZero Integer baseline2017) {
}
