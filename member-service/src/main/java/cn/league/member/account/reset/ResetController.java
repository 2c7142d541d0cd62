package cn.league.member.account.reset;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;

@Tag(name = "密码重置", description = "分配密码重置验证码，凭验证码设置新密码 (R-AUTH-3)")
@RestController
class ResetController {

    private final ResetCodes codes;
    private final PasswordReset reset;
    private final Clock clock;

    ResetController(ResetCodes codes, PasswordReset reset, ObjectProvider<Clock> clock) {
        this.codes = codes;
        this.reset = reset;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** 分配密码重置验证码: an admin over the person gets a code to hand on; it is not shown again. */
    @Operation(summary = "分配密码重置验证码 (R-AUTH-3)")
    @PostMapping("/api/members/people/{idNumber}/reset-code")
    @ResponseStatus(HttpStatus.CREATED)
    ResetCodes.Issued issue(JwtAuthenticationToken token, @PathVariable String idNumber) {
        return codes.issue(Caller.of(token).idNumber(), idNumber, clock.instant());
    }

    /** 忘记密码: public (no login), behind the captcha. */
    @Operation(summary = "忘记密码：凭重置验证码设置新密码（无需登录） (R-AUTH-3)")
    @SecurityRequirements
    @PostMapping("/api/accounts/password-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody ResetRequest request) {
        reset.reset(request, clock.instant());
    }
}
