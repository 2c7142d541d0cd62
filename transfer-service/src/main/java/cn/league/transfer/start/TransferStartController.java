package cn.league.transfer.start;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.support.security.Caller;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferView;
import cn.league.transfer.start.TargetOrgs.TargetOrg;
import cn.league.transfer.start.TransferStart.GraduateDestination;

@Tag(name = "发起转接", description = "办理转入、转出，本人申请，转往特殊单位或其他系统，选择转接目标 (R-TR-1 至 R-TR-3, R-TR-8 至 R-TR-10)")
@RestController
class TransferStartController {

    private final TransferStart start;
    private final TargetOrgs targets;
    private final Clock clock;

    TransferStartController(TransferStart start, TargetOrgs targets, ObjectProvider<Clock> clock) {
        this.start = start;
        this.targets = targets;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** 办理转入 (R-TR-2). */
    @Operation(summary = "办理转入 (R-TR-2)")
    @PostMapping("/api/transfers/in")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView transferIn(JwtAuthenticationToken token, @RequestBody TransferIn request) {
        return view(start.transferIn(caller(token), request.name(), request.idNumber(), request.toOrgId(),
                request.reason(), request.destination()));
    }

    /** 办理转出 (R-TR-3). */
    @Operation(summary = "办理转出 (R-TR-3)")
    @PostMapping("/api/transfers/out")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView transferOut(JwtAuthenticationToken token, @RequestBody TransferOut request) {
        return view(start.transferOut(caller(token), request.idNumber(), request.toOrgId(), request.reason(),
                request.destination()));
    }

    /** The member moves their own membership (R-TR-1). */
    @Operation(summary = "本人申请组织关系转接 (R-TR-1)")
    @PostMapping("/api/transfers/own")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView own(JwtAuthenticationToken token, @RequestBody OwnTransfer request) {
        return view(start.byMember(caller(token), request.toOrgId(), request.reason(), request.destination()));
    }

    /** R-TR-8 转往特殊单位: by the member (no {@code idNumber}) or the out-side's admin; the province approves. */
    @Operation(summary = "转往特殊单位 (R-TR-8)")
    @PostMapping("/api/transfers/special-unit")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView toSpecialUnit(JwtAuthenticationToken token, @RequestBody SpecialUnitTransfer request) {
        return view(start.toSpecialUnit(caller(token), request.idNumber(), request.note(), request.reason(),
                request.destinationType()));
    }

    /** R-TR-9 转往北京/广东/福建系统: the receiving org's full name typed; the out-side approves. */
    @Operation(summary = "转往北京、广东、福建系统 (R-TR-9)")
    @PostMapping("/api/transfers/external")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView toExternalSystem(JwtAuthenticationToken token, @RequestBody ExternalTransfer request) {
        return view(start.toExternalSystem(caller(token), request.idNumber(), request.system(),
                request.targetFullName(), request.reason(), request.destinationType()));
    }

    /** R-TR-10: the provincial-level orgs, the national system committees among them. */
    @Operation(summary = "转接目标：省级组织及全国系统团委 (R-TR-10)")
    @GetMapping("/api/transfers/targets")
    List<TargetOrg> roots(@RequestParam(defaultValue = "0") long after,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return targets.roots(after, size);
    }

    @Operation(summary = "转接目标：下级组织 (R-TR-10)")
    @GetMapping("/api/transfers/targets/{orgId}/children")
    List<TargetOrg> children(@PathVariable long orgId, @RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return targets.children(orgId, after, size);
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    private TransferView view(Transfer transfer) {
        return TransferView.of(transfer, clock.instant());
    }

    /** {@code destinationType} and {@code employerLocationOrgId}: a graduate's destination (R-TR-11). */
    record TransferIn(String name, String idNumber, long toOrgId, String reason, DestinationType destinationType,
                      Long employerLocationOrgId) {

        GraduateDestination destination() {
            return new GraduateDestination(destinationType, employerLocationOrgId);
        }
    }

    record TransferOut(String idNumber, long toOrgId, String reason, DestinationType destinationType,
                       Long employerLocationOrgId) {

        GraduateDestination destination() {
            return new GraduateDestination(destinationType, employerLocationOrgId);
        }
    }

    record OwnTransfer(long toOrgId, String reason, DestinationType destinationType, Long employerLocationOrgId) {

        GraduateDestination destination() {
            return new GraduateDestination(destinationType, employerLocationOrgId);
        }
    }

    record SpecialUnitTransfer(String idNumber, String note, String reason, DestinationType destinationType) {
    }

    record ExternalTransfer(String idNumber, ExternalSystem system, String targetFullName, String reason,
                            DestinationType destinationType) {
    }
}
