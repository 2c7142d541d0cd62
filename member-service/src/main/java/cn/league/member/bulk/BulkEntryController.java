package cn.league.member.bulk;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;

@Tag(name = "批量录入", description = "导入服务转交的批量录入，以导入者的权限执行 (R-IMP-3)")
@RestController
class BulkEntryController {

    private final BulkEntry bulk;

    BulkEntryController(BulkEntry bulk) {
        this.bulk = bulk;
    }

    /**
     * The import service's bulk path, with the importing admin's token relayed: up to {@link BulkEntry#MAX_ROWS}
     * parsed rows, one outcome each (200 even when rows are refused).
     */
    @Operation(summary = "批量录入（导入服务转交，导入者的令牌） (R-IMP-3, R-SCOPE-1)")
    @PostMapping("/api/members/bulk")
    BulkResult enter(JwtAuthenticationToken token, @RequestBody Batch batch) {
        return bulk.enter(Caller.of(token).idNumber(), batch.rows());
    }

    /**
     * The same bulk path for import-service's jobs, which run after the upload request (and after a restart) without
     * the uploader's token: import-service's service account ({@code /internal/**}, realm role league-members-bulk)
     * names the uploader, and every row is still checked against the uploader's scope (R-SCOPE-1).
     */
    @PostMapping("/internal/members/bulk")
    BulkResult enterFor(@RequestBody OnBehalf batch) {
        return bulk.enter(batch.uploaderIdNumber(), batch.rows());
    }

    record Batch(List<BulkRow> rows) {
    }

    record OnBehalf(String uploaderIdNumber, List<BulkRow> rows) {
    }
}
