package cn.league.member.account.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 管理员注册 for someone without an account: ID number, name, post in the org, the parent's code, the captcha. */
public record AdminSignUpForm(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
                              @NotBlank @Size(max = 20) String postTitle, @NotBlank @Size(max = 40) String code,
                              @NotBlank @Size(max = 40) String captchaId,
                              @NotBlank @Size(max = 10) String captchaAnswer) {
}
