package cn.league.member.account.captcha;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "图形验证码", description = "无需登录的表单所用的图形验证码 (R-AUTH-1)")
@RestController
class CaptchaController {

    private final Captchas captchas;

    CaptchaController(Captchas captchas) {
        this.captchas = captchas;
    }

    /** A new captcha for a public form (no login): its id to send back with the answer, and the image to show. */
    @Operation(summary = "获取图形验证码（无需登录） (R-AUTH-1)")
    @SecurityRequirements
    @PostMapping("/api/accounts/captcha")
    @ResponseStatus(HttpStatus.CREATED)
    CaptchaView issue() {
        Captchas.Issued issued = captchas.issue();
        return new CaptchaView(issued.id(), "data:image/png;base64," + Base64.getEncoder().encodeToString(issued.png()),
                issued.expiresAt());
    }

    record CaptchaView(UUID captchaId, String image, Instant expiresAt) {
    }
}
