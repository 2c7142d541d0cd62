package cn.league.org.migration;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.org.OrgEvents.MigrationApprover;
import cn.league.support.security.Caller;

/** 申请组织迁移 and its approvals (R-ORG-7). */
@Tag(name = "组织迁移", description = "申请省内组织迁移，原直属上级和迁入组织的管理员依次审批 (R-ORG-7)")
@RestController
class MigrationController {

    private final OrgMigration migration;

    MigrationController(OrgMigration migration) {
        this.migration = migration;
    }

    /** The org's own admin asks to move it, with its subtree, under {@code newParentId}. */
    @Operation(summary = "申请组织迁移 (R-ORG-7)")
    @PostMapping("/api/orgs/{orgId}/migrations")
    @ResponseStatus(HttpStatus.CREATED)
    HistoryView request(JwtAuthenticationToken token, @PathVariable long orgId,
                        @Valid @RequestBody MigrationRequest request) {
        return HistoryView.of(migration.request(caller(token), orgId, request.newParentId(), request.reason()));
    }

    @Operation(summary = "同意组织迁移 (R-ORG-7)")
    @PostMapping("/api/orgs/migrations/{migrationId}/approval")
    HistoryView approve(JwtAuthenticationToken token, @PathVariable long migrationId) {
        return HistoryView.of(migration.approve(caller(token), migrationId));
    }

    @Operation(summary = "退回组织迁移 (R-ORG-7)")
    @PostMapping("/api/orgs/migrations/{migrationId}/rejection")
    HistoryView reject(JwtAuthenticationToken token, @PathVariable long migrationId,
                       @Valid @RequestBody Rejection rejection) {
        return HistoryView.of(migration.reject(caller(token), migrationId, rejection.reason()));
    }

    @Operation(summary = "撤销组织迁移申请 (R-ORG-7)")
    @PostMapping("/api/orgs/migrations/{migrationId}/withdrawal")
    HistoryView withdraw(JwtAuthenticationToken token, @PathVariable long migrationId) {
        return HistoryView.of(migration.withdraw(caller(token), migrationId));
    }

    @Operation(summary = "查看组织迁移 (R-ORG-7)")
    @GetMapping("/api/orgs/migrations/{migrationId}")
    HistoryView read(JwtAuthenticationToken token, @PathVariable long migrationId) {
        return HistoryView.of(migration.read(caller(token), migrationId));
    }

    /** What waits for the caller's decision, for the operation centre; pass the last id seen as {@code after}. */
    @Operation(summary = "待我审批的组织迁移 (R-ORG-7, R-OPS-1)")
    @GetMapping("/api/orgs/migrations/awaiting-my-decision")
    Page awaiting(JwtAuthenticationToken token, @RequestParam(defaultValue = "0") long after,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<MigrationView> items = migration.awaitingDecisionOf(caller(token), after, size).stream()
                .map(MigrationView::of).toList();
        return new Page(items, items.size() == size ? items.getLast().id() : null);
    }

    /**
     * The org's migrations, newest first, with how each ended (the requester's view: 撤销 of an open one); pass the
     * last id seen as {@code before}.
     */
    @Operation(summary = "本组织的迁移申请 (R-ORG-7, R-SCOPE-1)")
    @GetMapping("/api/orgs/{orgId}/migrations")
    OrgHistory ofOrg(JwtAuthenticationToken token, @PathVariable long orgId,
                     @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<MigrationView> items = migration.ofOrg(caller(token), orgId, before, size).stream()
                .map(MigrationView::of).toList();
        return new OrgHistory(items, items.size() == size ? items.getLast().id() : null);
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    record MigrationRequest(@NotNull Long newParentId, @NotBlank @Size(max = 500) String reason) {
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    /** @param awaiting whose decision it waits for; null once closed */
    record MigrationView(long id, long orgId, String orgName, long oldParentId, String oldParentName,
                         long newParentId, String newParentName, String reason, MigrationState state,
                         MigrationApprover awaiting, String requestedBy, String requesterName, Instant requestedAt,
                         Instant closedAt) {

        static MigrationView of(MigrationSummary summary) {
            Migration m = summary.migration();
            return new MigrationView(m.id(), m.orgId(), summary.orgName(), m.oldParentId(), summary.oldParentName(),
                    m.newParentId(), summary.newParentName(), m.reason(), m.state(), m.state().awaiting(),
                    m.requestedBy(), summary.requesterName(), m.requestedAt(), m.closedAt());
        }
    }

    record HistoryView(MigrationView migration, List<MigrationStep> steps) {

        static HistoryView of(MigrationHistory history) {
            return new HistoryView(MigrationView.of(history.summary()), history.steps());
        }
    }

    /** @param nextAfter the {@code after} of the next page, or null on the last page */
    record Page(List<MigrationView> items, Long nextAfter) {
    }

    /** @param nextBefore the {@code before} of the next page, or null on the last page */
    record OrgHistory(List<MigrationView> items, Long nextBefore) {
    }
}
