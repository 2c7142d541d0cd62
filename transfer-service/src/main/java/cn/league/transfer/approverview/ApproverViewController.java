package cn.league.transfer.approverview;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.member.TransferCard;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.support.security.Caller;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferState;
import cn.league.transfer.approverview.ApproverViews.ApproverView;
import cn.league.transfer.approverview.ApproverViews.OrgName;
import cn.league.transfer.approverview.ApproverViews;

@Tag(name = "审批页面", description = "审批时看到的转接及团员信息 (R-TR-13)")
@RestController
class ApproverViewController {

    private final ApproverViews views;

    ApproverViewController(ApproverViews views) {
        this.views = views;
    }

    /**
     * R-TR-13 审批页面: the transfer as this service knows it and the member's card from member-service; when
     * member-service cannot answer, still 200 with {@code complete: false} and a note.
     */
    @Operation(summary = "审批页面：转接及团员信息 (R-TR-13)")
    @GetMapping("/api/transfers/{id}/approver-view")
    Response show(JwtAuthenticationToken token, @PathVariable long id) {
        ApproverView view = views.show(Caller.of(token).idNumber(), id);
        Transfer t = view.transfer();
        return new Response(t.id(), t.idNumber(), t.name(), t.state(), t.currentStep(), t.steps(), t.reason(),
                t.startedAt(), view.daysLeft(), view.fromOrg(), view.targetOrg(), view.entries(), view.complete(),
                view.note(), view.card());
    }

    /** @param member member-service's card (basic info, contact, current org, its admins, emergency contact) */
    record Response(long transferId, String idNumber, String name, TransferState state, TransferStep currentStep,
                    List<TransferStep> steps, String reason, Instant startedAt, Long daysLeft, OrgName fromOrg,
                    OrgName targetOrg, List<Transfer.Entry> entries, boolean complete, String note,
                    TransferCard member) {
    }
}
