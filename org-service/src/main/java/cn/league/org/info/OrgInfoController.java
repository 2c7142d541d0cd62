package cn.league.org.info;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.tree.OrgView;
import cn.league.support.security.Caller;

@Tag(name = "组织信息", description = "修改组织信息 (R-ORG-3, R-ORG-4)")
@RestController
class OrgInfoController {

    private final OrgInfoEditing editing;

    OrgInfoController(OrgInfoEditing editing) {
        this.editing = editing;
    }

    @Operation(summary = "修改组织信息 (R-ORG-3, R-ORG-4)")
    @PutMapping("/api/orgs/{orgId}")
    OrgView save(JwtAuthenticationToken token, @PathVariable long orgId, @Valid @RequestBody OrgInfoChange change) {
        return OrgView.of(editing.save(Caller.of(token).idNumber(), orgId, change));
    }
}
