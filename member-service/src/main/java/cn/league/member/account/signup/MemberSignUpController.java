package cn.league.member.account.signup;

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

@Tag(name = "自助注册", description = "无需登录：创建账号并申请加入组织 (R-AUTH-4, R-AUTH-5)")
@RestController
class MemberSignUpController {

    private final MemberSignUp signUp;
    private final Clock clock;

    MemberSignUpController(MemberSignUp signUp, ObjectProvider<Clock> clock) {
        this.signUp = signUp;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** 团员团干部注册 without a login (public, behind the captcha). Logged-in people use /api/members/registrations. */
    @Operation(summary = "团员团干部注册（无需登录，凭验证码）：创建账号并申请加入组织 (R-AUTH-4, R-AUTH-5)")
    @SecurityRequirements
    @PostMapping("/api/accounts/member-registration")
    @ResponseStatus(HttpStatus.CREATED)
    MemberSignUp.Registered register(@Valid @RequestBody MemberSignUpForm form) {
        return signUp.register(form, clock.instant());
    }
}
