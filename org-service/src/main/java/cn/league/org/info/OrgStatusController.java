package cn.league.org.info;

import jakarta.validation.Valid;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.tree.OrgView;
import cn.league.support.security.Caller;

@RestController
class OrgStatusController {

    private final OrgStatusQuery status;
    private final SecretaryAppointment secretaries;

    OrgStatusController(OrgStatusQuery status, SecretaryAppointment secretaries) {
        this.status = status;
        this.secretaries = secretaries;
    }

    @GetMapping("/api/orgs/{orgId}/status")
    OrgStatus status(JwtAuthenticationToken token, @PathVariable long orgId) {
        return status.status(Caller.of(token).idNumber(), orgId);
    }

    @PutMapping("/api/orgs/{orgId}/secretary")
    OrgView appoint(JwtAuthenticationToken token, @PathVariable long orgId,
                    @Valid @RequestBody SecretaryChange change) {
        return OrgView.of(secretaries.appoint(Caller.of(token).idNumber(), orgId, change));
    }
}
