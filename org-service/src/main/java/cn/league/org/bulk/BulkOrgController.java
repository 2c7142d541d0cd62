package cn.league.org.bulk;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;

@Tag(name = "批量建组织", description = "一次建立多个下级组织（可含整棵子树），逐个按新建下级组织的规则检查，只在本人管理的范围内 "
        + "(R-ORG-1, R-SCOPE-1)")
@RestController
class BulkOrgController {

    private final BulkOrgs bulk;

    BulkOrgController(BulkOrgs bulk) {
        this.bulk = bulk;
    }

    /**
     * Up to {@link BulkOrgs#MAX_ROWS} orgs, each under an existing org or an earlier row; all or nothing. A row whose
     * parent already holds an org of its full name names that org (a second run creates nothing).
     */
    @Operation(summary = "批量新建下级组织 (R-ORG-1, R-SCOPE-1)")
    @PostMapping("/api/orgs/bulk")
    BulkOrgResult create(JwtAuthenticationToken token, @Valid @RequestBody Batch batch) {
        return bulk.create(Caller.of(token).idNumber(), batch.rows());
    }

    record Batch(@NotNull List<@NotNull @Valid BulkOrgRow> rows) {
    }
}
