package cn.league.member.account.signup;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.member.registration.RegistrationRequest;

/**
 * 团员团干部注册 by someone without an account: the account (ID number as login name, name, password, mobile), the
 * org asked for with the member's or cadre's own details, and the captcha.
 */
public record MemberSignUpForm(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
                               @NotBlank @Size(max = 64) String password, @NotBlank @Size(max = 20) String mobile,
                               @NotNull Long orgId, @NotNull RegistrationKind kind,
                               @Size(max = 20) String postTitle, @NotBlank @Size(max = 20) String politicalStatus,
                               @Size(max = 20) String ethnicity, @Size(max = 20) String education,
                               LocalDate joinDate, @Size(max = 20) String developmentNumber,
                               @NotBlank @Size(max = 40) String captchaId,
                               @NotBlank @Size(max = 10) String captchaAnswer) {

    /** The request to join, as a logged-in person would make it. */
    RegistrationRequest request(String mobile) {
        return new RegistrationRequest(orgId, kind, postTitle, name.strip(), ethnicity, politicalStatus, education,
                joinDate, developmentNumber, mobile, null, null, null, null);
    }
}
