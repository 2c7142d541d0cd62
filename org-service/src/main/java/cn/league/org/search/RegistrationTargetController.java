package cn.league.org.search;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.org.search.RegistrationTargets.Target;

@Tag(name = "注册组织查找", description = "团员团干部注册时按全称查找可申请加入的组织，无需登录 (R-AUTH-4)")
@RestController
class RegistrationTargetController {

    private final RegistrationTargets targets;

    RegistrationTargetController(RegistrationTargets targets) {
        this.targets = targets;
    }

    /** Public (no login): the orgs a 团员团干部注册 may ask to join, by full name; id and full name only. */
    @Operation(summary = "团员团干部注册：按全称查找可申请加入的组织（无需登录） (R-AUTH-4)")
    @SecurityRequirements
    @GetMapping("/api/orgs/registration-targets")
    List<Target> search(@RequestParam String name, @RequestParam RegistrationKind kind) {
        return targets.byFullName(name, kind);
    }
}
