package cn.league.org.info;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.tree.OrgView;
import cn.league.support.security.Caller;

@Tag(name = "组织状态", description = "组织信息完整度，设置组织书记 (R-ORG-5, R-ORG-6)")
@RestController
class OrgStatusController {

    private final OrgStatusQuery status;
    private final SecretaryAppointment secretaries;

    OrgStatusController(OrgStatusQuery status, SecretaryAppointment secretaries) {
        this.status = status;
        this.secretaries = secretaries;
    }

    @Operation(summary = "组织信息完整度及缺少的项目 (R-ORG-5, R-STAT-1)")
    @GetMapping("/api/orgs/{orgId}/status")
    OrgStatus status(JwtAuthenticationToken token, @PathVariable long orgId) {
        return status.status(Caller.of(token).idNumber(), orgId);
    }

    @Operation(summary = "设置组织书记 (R-ORG-6)")
    @PutMapping("/api/orgs/{orgId}/secretary")
    OrgView appoint(JwtAuthenticationToken token, @PathVariable long orgId,
                    @Valid @RequestBody SecretaryChange change) {
        return OrgView.of(secretaries.appoint(Caller.of(token).idNumber(), orgId, change));
    }
}
