package cn.league.stats.opscentre;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.stats.opscentre.OperationCentre.Counts;
import cn.league.stats.opscentre.OperationCentre.Page;
import cn.league.stats.opscentre.OperationCentre.WaitingItem;
import cn.league.support.security.Caller;

/** 操作中心 (R-OPS-1): counts, what waits, messages; {@code orgId} defaults to the active org (R-ADM-8). */
@Tag(name = "操作中心", description = "待办数量、待办事项和系统消息 (R-OPS-1)")
@RestController
class OpsController {

    private final OperationCentre centre;

    OpsController(OperationCentre centre) {
        this.centre = centre;
    }

    @Operation(summary = "操作中心：待办数量 (R-OPS-1)")
    @GetMapping("/api/stats/ops/counts")
    Counts counts(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId) {
        return centre.counts(Caller.of(token).idNumber(), orgId);
    }

    /** {@code from}/{@code to}: when it started waiting (ISO instants); {@code kind}: one of {@link PendingKind}. */
    @Operation(summary = "操作中心：待办事项 (R-OPS-1)")
    @GetMapping("/api/stats/ops/items")
    Page<WaitingItem> items(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId,
                            @RequestParam(required = false) PendingKind kind,
                            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return centre.items(Caller.of(token).idNumber(), orgId, kind, from, to, page, size);
    }

    @Operation(summary = "操作中心：消息 (R-OPS-1)")
    @GetMapping("/api/stats/ops/messages")
    Page<Message> messages(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId,
                           @RequestParam(required = false) MessageKind kind,
                           @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return centre.messages(Caller.of(token).idNumber(), orgId, kind, from, to, page, size);
    }
}
