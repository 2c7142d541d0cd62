package cn.league.member.account.orgs;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;

@Tag(name = "切换组织", description = "我可选择的组织 (R-ADM-8)")
@RestController
class MyOrgsController {

    private final MyOrgs orgs;

    MyOrgsController(MyOrgs orgs) {
        this.orgs = orgs;
    }

    /** 切换其他组织: the orgs the caller may choose (R-ADM-8). */
    @Operation(summary = "切换其他组织：我可选择的组织 (R-ADM-8)")
    @GetMapping("/api/accounts/orgs")
    List<MyOrgs.MyOrg> mine(JwtAuthenticationToken token) {
        return orgs.of(Caller.of(token).idNumber());
    }
}
