package cn.league.member.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A profile as the edit form sends it back: the profile fields replace what is stored (an empty field
 * clears it). {@code name} and {@code idNumber} are the identity the citizen identity centre checks
 * (R-ID-2): left out or unchanged they stay as they are; only an admin may change them.
 */
public record ProfileEdit(@Size(max = 50) String name, @Size(max = 20) String idNumber,
                          @Size(max = 20) String ethnicity, @NotBlank @Size(max = 20) String politicalStatus,
                          @Size(max = 20) String education, LocalDate joinDate, @Size(max = 20) String mobile,
                          @Email @Size(max = 100) String email, @Size(max = 200) String address,
                          @Size(max = 50) String emergencyContact, @Size(max = 20) String emergencyPhone) {

    /** Blanks stripped, empty text as null. */
    ProfileEdit normalised() {
        return new ProfileEdit(text(name), text(idNumber), text(ethnicity), text(politicalStatus), text(education),
                joinDate, text(mobile), text(email), text(address), text(emergencyContact), text(emergencyPhone));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
