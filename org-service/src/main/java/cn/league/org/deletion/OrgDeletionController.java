package cn.league.org.deletion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.tree.Org;
import cn.league.support.security.Caller;

@Tag(name = "组织删除", description = "删除直属下级组织 (R-ORG-2)")
@RestController
class OrgDeletionController {

    private final OrgDeletion deletion;

    OrgDeletionController(OrgDeletion deletion) {
        this.deletion = deletion;
    }

    /** Deletes a direct child of one of the caller's orgs; says where its people went, if anywhere. */
    @Operation(summary = "删除直属下级组织 (R-ORG-2, R-SCOPE-2)")
    @DeleteMapping("/api/orgs/{orgId}")
    Deleted delete(JwtAuthenticationToken token, @PathVariable long orgId) {
        Org pending = deletion.delete(Caller.of(token).idNumber(), orgId);
        return new Deleted(orgId, pending == null ? null : pending.id());
    }

    /** @param peopleMovedTo the pending branch that now holds the deleted branch's people, or null */
    record Deleted(long orgId, Long peopleMovedTo) {
    }
}
