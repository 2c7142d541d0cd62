package cn.league.transfer.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.support.security.Caller;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferState;
import cn.league.transfer.TransferStore.StepCount;
import cn.league.transfer.TransferView;

@Tag(name = "转接记录", description = "转接详情与审批记录，我的转接历史，待审批的转接 (R-TR-5, R-TR-14)")
@RestController
class TransferHistoryController {

    private final TransferHistory history;

    TransferHistoryController(TransferHistory history) {
        this.history = history;
    }

    @Operation(summary = "转接详情与审批记录 (R-TR-14)")
    @GetMapping("/api/transfers/{id}")
    Detail show(JwtAuthenticationToken token, @PathVariable long id) {
        TransferHistory.Detail detail = history.show(caller(token), id);
        return new Detail(view(detail.transfer()), detail.entries());
    }

    /** 我的组织关系转接历史, newest first; pass the last id seen as {@code before}. */
    @Operation(summary = "我的组织关系转接历史 (R-TR-14, R-SCOPE-3)")
    @GetMapping("/api/transfers/history")
    Page mine(JwtAuthenticationToken token, @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return page(history.mine(caller(token), before, size), size);
    }

    /**
     * An org's 组织关系转接历史: transfers out of its subtree and into it ({@code direction} one of them), newest
     * first, optionally of one {@code state} and started within [from, to); pass {@code next} as {@code before}.
     */
    @Operation(summary = "本组织组织关系转接历史：转入与转出 (R-TR-14, R-SCOPE-1)")
    @GetMapping("/api/transfers/orgs/{orgId}/history")
    Page ofOrg(JwtAuthenticationToken token, @PathVariable long orgId,
               @RequestParam(required = false) TransferHistory.Direction direction,
               @RequestParam(required = false) TransferState state,
               @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
               @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return page(history.ofOrg(caller(token), orgId, direction, state, from, to, before, size), size);
    }

    private Page page(TransferHistory.HistoryPage found, int size) {
        List<TransferView> items = found.items().stream().map(this::view).toList();
        return new Page(items, found.orgNames(), items.size() == size ? items.getLast().id() : null);
    }

    /** 组织关系转接审批: what waits for the org's admins, oldest first, with counts per step and days left. */
    @Operation(summary = "组织关系转接审批：待办及剩余天数 (R-TR-5, R-OPS-1)")
    @GetMapping("/api/transfers/orgs/{orgId}/waiting")
    Queue waiting(JwtAuthenticationToken token, @PathVariable long orgId,
                  @RequestParam(required = false) TransferStep step,
                  @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                  @RequestParam(defaultValue = "0") long after,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        TransferHistory.Queue queue = history.waitingFor(caller(token), orgId, step, from, to, after, size);
        List<TransferView> items = queue.items().stream().map(this::view).toList();
        return new Queue(items, queue.counts(), items.size() == size ? items.getLast().id() : null);
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    private TransferView view(Transfer transfer) {
        return TransferView.of(transfer, history.now());
    }

    record Detail(TransferView transfer, List<Transfer.Entry> entries) {
    }

    /** @param orgNames the full names of the orgs the items name, by id */
    record Page(List<TransferView> items, Map<Long, String> orgNames, Long next) {
    }

    record Queue(List<TransferView> items, List<StepCount> counts, Long next) {
    }
}
