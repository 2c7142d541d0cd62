package cn.league.member.membership;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person as an admin enters them (单个录入). For a cadre, {@code postTitle} names the post (职务) in
 * the org; for a member it is left out.
 */
public record NewPerson(@NotBlank String idNumber, @NotBlank @Size(max = 50) String name,
                        @Size(max = 20) String ethnicity, @NotBlank @Size(max = 20) String politicalStatus,
                        @Size(max = 20) String education, LocalDate joinDate,
                        @Size(max = 20) String developmentNumber, @Size(max = 20) String mobile,
                        @Email @Size(max = 100) String email, @Size(max = 200) String address,
                        @Size(max = 50) String emergencyContact, @Size(max = 20) String emergencyPhone,
                        @Size(max = 20) String postTitle) {

    /**
     * Whether every constraint above holds except the e-mail's form, checked by hand as the validator checks them:
     * the bulk path checks thousands of rows per call, and bean validation of each cost it ~15% of its time. Keep
     * in step with the annotations (NewPersonTest compares the two).
     */
    public boolean holdsRequiredAndSizes() {
        return present(idNumber) && present(name) && fits(name, 50) && fits(ethnicity, 20) && present(politicalStatus)
                && fits(politicalStatus, 20) && fits(education, 20) && fits(developmentNumber, 20) && fits(mobile, 20)
                && fits(email, 100) && fits(address, 200) && fits(emergencyContact, 50) && fits(emergencyPhone, 20)
                && fits(postTitle, 20);
    }

    // @NotBlank
    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    // @Size(max): null passes, as with the validator
    private static boolean fits(String value, int max) {
        return value == null || value.length() <= max;
    }
}
