package cn.league.org.info;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;

/** The org info an admin saves (完善组织信息). */
public record OrgInfoChange(@NotNull OrgType type, @NotNull OrgDomain domain, SchoolLevel schoolLevel,
                            @NotBlank @Size(max = 100) String fullName, @NotBlank @Size(max = 50) String shortName,
                            @Size(max = 50) String contactPerson, @Size(max = 30) String contactPhone,
                            @PositiveOrZero Integer baseline2017) {
}
