package cn.league.member.account.reset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The 忘记密码 form: ID number, new password, the admin's reset code and the captcha. */
public record ResetRequest(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 128) String newPassword,
                           @NotBlank @Size(max = 20) String resetCode, @NotBlank @Size(max = 40) String captchaId,
                           @NotBlank @Size(max = 10) String captchaAnswer) {
}
