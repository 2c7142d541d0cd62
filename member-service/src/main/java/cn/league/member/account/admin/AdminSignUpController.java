package cn.league.member.account.admin;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "管理员注册", description = "凭管理员注册码注册账号，无需登录 (R-ADM-3)")
@RestController
class AdminSignUpController {

    private final AdminSignUp signUp;
    private final Clock clock;

    AdminSignUpController(AdminSignUp signUp, ObjectProvider<Clock> clock) {
        this.signUp = signUp;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** 管理员注册 without a login (public, behind the captcha). Logged-in people use org-service's form. */
    @Operation(summary = "管理员注册（无需登录，凭验证码） (R-AUTH-4, R-ADM-3)")
    @SecurityRequirements
    @PostMapping("/api/accounts/admin-registration")
    @ResponseStatus(HttpStatus.CREATED)
    AdminSignUp.Registered register(@Valid @RequestBody AdminSignUpForm form) {
        return signUp.register(form, clock.instant());
    }
}
