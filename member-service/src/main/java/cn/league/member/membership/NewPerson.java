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
}
