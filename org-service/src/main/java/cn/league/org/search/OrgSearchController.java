package cn.league.org.search;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.search.OrgSearch.Hit;
import cn.league.support.security.Caller;

@Tag(name = "组织查询", description = "按组织全称查找本辖区的组织 (R-SRCH-1)")
@RestController
class OrgSearchController {

    private final OrgSearch search;

    OrgSearchController(OrgSearch search) {
        this.search = search;
    }

    /** Orgs in the caller's subtrees whose full name contains {@code name}; pass the last id seen as {@code after}. */
    @Operation(summary = "按全称搜索组织 (R-SRCH-1)")
    @GetMapping("/api/orgs/search")
    Page search(JwtAuthenticationToken token, @RequestParam String name,
                @RequestParam(defaultValue = "0") long after,
                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Hit> hits = search.byFullName(Caller.of(token).idNumber(), name, after, size);
        return new Page(hits, hits.size() == size ? hits.getLast().id() : null);
    }

    record Page(List<Hit> items, Long nextAfter) {
    }
}
