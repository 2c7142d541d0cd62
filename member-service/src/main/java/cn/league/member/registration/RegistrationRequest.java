package cn.league.member.registration;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.member.membership.NewPerson;

/**
 * What a logged-in person fills in to join an org: the org, as member (团员, into a branch) or cadre (团干部,
 * with a post), and their own profile. The ID number is not asked for: it is the caller's login name.
 */
public record RegistrationRequest(@NotNull Long orgId, @NotNull RegistrationKind kind,
                                  @Size(max = 20) String postTitle, @NotBlank @Size(max = 50) String name,
                                  @Size(max = 20) String ethnicity, @NotBlank @Size(max = 20) String politicalStatus,
                                  @Size(max = 20) String education, LocalDate joinDate,
                                  @Size(max = 20) String developmentNumber, @Size(max = 20) String mobile,
                                  @Email @Size(max = 100) String email, @Size(max = 200) String address,
                                  @Size(max = 50) String emergencyContact, @Size(max = 20) String emergencyPhone) {

    /** The profile as an admin's entry of this person would carry it. */
    NewPerson profileOf(String idNumber) {
        return new NewPerson(idNumber, name, ethnicity, politicalStatus, education, joinDate, developmentNumber,
                mobile, email, address, emergencyContact, emergencyPhone,
                kind == RegistrationKind.CADRE ? postTitle : null);
    }
}
