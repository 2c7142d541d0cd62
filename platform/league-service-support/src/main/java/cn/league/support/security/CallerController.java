package cn.league.support.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET <base-path>/me}: who this service takes the caller to be. Lets a client (and the system
 * test) check that a token is accepted by each service behind the gateway.
 */
@Tag(name = "当前用户", description = "令牌所代表的登录者及其角色")
@RestController
class CallerController {

    @Operation(summary = "当前登录者及其角色 (R-AUTH-1, R-ADM-8)")
    @GetMapping("${league.api.base-path}/me")
    Caller me(JwtAuthenticationToken token) {
        return Caller.of(token);
    }
}
