package cn.league.org.tree;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;

@Tag(name = "组织管理", description = "查看组织及其下级组织，新建下级组织 (R-ORG-1)")
@RestController
@RequestMapping("/api/orgs")
class OrgTreeController {

    private final OrgTree tree;

    OrgTreeController(OrgTree tree) {
        this.tree = tree;
    }

    @Operation(summary = "查看组织 (R-SCOPE-1)")
    @GetMapping("/{orgId}")
    OrgView get(JwtAuthenticationToken token, @PathVariable long orgId) {
        return OrgView.of(tree.get(Caller.of(token).idNumber(), orgId));
    }

    /** Children page by page: pass the last id seen as {@code after}. */
    @Operation(summary = "下级组织（分页） (R-ORG-1, R-SCOPE-1)")
    @GetMapping("/{orgId}/children")
    ChildrenPage children(JwtAuthenticationToken token, @PathVariable long orgId,
                          @RequestParam(defaultValue = "0") long after,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<OrgView> page = tree.children(Caller.of(token).idNumber(), orgId, after, size).stream()
                .map(OrgView::of).toList();
        Long next = page.size() == size ? page.getLast().id() : null;
        return new ChildrenPage(page, next);
    }

    @Operation(summary = "新建下级组织 (R-ORG-1, R-ORG-8)")
    @PostMapping("/{orgId}/children")
    @ResponseStatus(HttpStatus.CREATED)
    OrgView create(JwtAuthenticationToken token, @PathVariable long orgId, @Valid @RequestBody NewOrg request) {
        return OrgView.of(tree.createChild(Caller.of(token).idNumber(), orgId, request));
    }

    /** @param nextAfter the {@code after} of the next page, or null on the last page */
    record ChildrenPage(List<OrgView> items, Long nextAfter) {
    }
}
