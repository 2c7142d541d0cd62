package cn.league.transfer.approval;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferView;

@Tag(name = "转接审批", description = "同意、退回、指定接收团支部、撤销申请 (R-TR-3, R-TR-6, R-TR-7)")
@RestController
class ApprovalController {

    private final TransferDecisions decisions;
    private final Clock clock;

    ApprovalController(TransferDecisions decisions, ObjectProvider<Clock> clock) {
        this.decisions = decisions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "审批同意 (R-TR-3, R-TR-14)")
    @PostMapping("/api/transfers/{id}/approval")
    TransferView approve(JwtAuthenticationToken token, @PathVariable long id) {
        return view(decisions.approve(caller(token), id));
    }

    @Operation(summary = "转入方指定接收团支部 (R-TR-3, R-TR-4)")
    @PostMapping("/api/transfers/{id}/assignment")
    TransferView assign(JwtAuthenticationToken token, @PathVariable long id, @RequestBody Assignment assignment) {
        return view(decisions.assignBranch(caller(token), id, assignment.branchId()));
    }

    /** 退回 (R-TR-7). */
    @Operation(summary = "退回（须填写原因） (R-TR-7)")
    @PostMapping("/api/transfers/{id}/rejection")
    TransferView reject(JwtAuthenticationToken token, @PathVariable long id, @RequestBody Rejection rejection) {
        return view(decisions.reject(caller(token), id, rejection.reason()));
    }

    /** 撤销申请 (R-TR-6). */
    @Operation(summary = "撤销申请 (R-TR-6)")
    @PostMapping("/api/transfers/{id}/withdrawal")
    TransferView withdraw(JwtAuthenticationToken token, @PathVariable long id) {
        return view(decisions.withdraw(caller(token), id));
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    private TransferView view(Transfer transfer) {
        return TransferView.of(transfer, clock.instant());
    }

    record Assignment(long branchId) {
    }

    record Rejection(String reason) {
    }
}
