package cn.league.transfer.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.support.security.Caller;
import cn.league.transfer.Initiator;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferDeadline;
import cn.league.transfer.TransferState;
import cn.league.transfer.approval.TransferDecisions;
import cn.league.transfer.batch.BatchTransfers;
import cn.league.transfer.graduate.JobReports;
import cn.league.transfer.graduate.JobReports.MoveOut;
import cn.league.transfer.history.TransferHistory;
import cn.league.transfer.start.TargetOrgs;
import cn.league.transfer.start.TargetOrgs.TargetOrg;
import cn.league.transfer.start.TransferStart;
import cn.league.transfer.start.TransferStart.GraduateDestination;
import cn.league.transfer.store.JobReportStore.JobReport;
import cn.league.transfer.store.TransferStore.StepCount;

@RestController
class TransferController {

    private final TransferStart start;
    private final TransferDecisions decisions;
    private final TransferHistory history;
    private final TargetOrgs targets;
    private final BatchTransfers batches;
    private final JobReports jobs;

    TransferController(TransferStart start, TransferDecisions decisions, TransferHistory history, TargetOrgs targets,
                       BatchTransfers batches, JobReports jobs) {
        this.start = start;
        this.decisions = decisions;
        this.history = history;
        this.targets = targets;
        this.batches = batches;
        this.jobs = jobs;
    }

    /** 办理转入 (R-TR-2). */
    @PostMapping("/api/transfers/in")
    @ResponseStatus(HttpStatus.CREATED)
    View transferIn(JwtAuthenticationToken token, @RequestBody TransferIn request) {
        return view(start.transferIn(caller(token), request.name(), request.idNumber(), request.toOrgId(),
                request.reason(), request.destination()));
    }

    /** 办理转出 (R-TR-3). */
    @PostMapping("/api/transfers/out")
    @ResponseStatus(HttpStatus.CREATED)
    View transferOut(JwtAuthenticationToken token, @RequestBody TransferOut request) {
        return view(start.transferOut(caller(token), request.idNumber(), request.toOrgId(), request.reason(),
                request.destination()));
    }

    /** The member moves their own membership (R-TR-1). */
    @PostMapping("/api/transfers/own")
    @ResponseStatus(HttpStatus.CREATED)
    View own(JwtAuthenticationToken token, @RequestBody OwnTransfer request) {
        return view(start.byMember(caller(token), request.toOrgId(), request.reason(), request.destination()));
    }

    /** R-TR-8 转往特殊单位: by the member (no {@code idNumber}) or the out-side's admin; the province approves. */
    @PostMapping("/api/transfers/special-unit")
    @ResponseStatus(HttpStatus.CREATED)
    View toSpecialUnit(JwtAuthenticationToken token, @RequestBody SpecialUnitTransfer request) {
        return view(start.toSpecialUnit(caller(token), request.idNumber(), request.note(), request.reason(),
                request.destinationType()));
    }

    /** R-TR-9 转往北京/广东/福建系统: the receiving org's full name typed; the out-side approves. */
    @PostMapping("/api/transfers/external")
    @ResponseStatus(HttpStatus.CREATED)
    View toExternalSystem(JwtAuthenticationToken token, @RequestBody ExternalTransfer request) {
        return view(start.toExternalSystem(caller(token), request.idNumber(), request.system(),
                request.targetFullName(), request.reason(), request.destinationType()));
    }

    /** R-TR-4 组织关系批量转接: up to 30 people between branches under the caller's committee, done at once. */
    @PostMapping("/api/transfers/batch")
    @ResponseStatus(HttpStatus.CREATED)
    List<View> batch(JwtAuthenticationToken token, @RequestBody BatchTransfer request) {
        return batches.move(caller(token), request.committeeId(), request.toBranchId(), request.idNumbers(),
                request.reason()).stream().map(this::view).toList();
    }

    /** R-TR-11: a graduate found work; reported by them ({@code idNumber} omitted) or an admin over their branch. */
    @PostMapping("/api/transfers/job-reports")
    @ResponseStatus(HttpStatus.CREATED)
    JobReport reportJob(JwtAuthenticationToken token, @RequestBody JobReportRequest request) {
        return jobs.report(caller(token), request.idNumber(), request.employer());
    }

    /** R-TR-11 (FAQ 63): a 流动团支部's members with a job on record, to move out within a month; or the overdue ones. */
    @GetMapping("/api/transfers/orgs/{branchId}/to-move-out")
    List<MoveOut> toMoveOut(JwtAuthenticationToken token, @PathVariable long branchId,
                            @RequestParam(defaultValue = "false") boolean overdueOnly,
                            @RequestParam(defaultValue = "") String after,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return jobs.toMoveOut(caller(token), branchId, overdueOnly, after, size);
    }

    @GetMapping("/api/transfers/{id}")
    Detail show(JwtAuthenticationToken token, @PathVariable long id) {
        TransferHistory.Detail detail = history.show(caller(token), id);
        return new Detail(view(detail.transfer()), detail.entries());
    }

    @PostMapping("/api/transfers/{id}/approval")
    View approve(JwtAuthenticationToken token, @PathVariable long id) {
        return view(decisions.approve(caller(token), id));
    }

    @PostMapping("/api/transfers/{id}/assignment")
    View assign(JwtAuthenticationToken token, @PathVariable long id, @RequestBody Assignment assignment) {
        return view(decisions.assignBranch(caller(token), id, assignment.branchId()));
    }

    /** 退回 (R-TR-7). */
    @PostMapping("/api/transfers/{id}/rejection")
    View reject(JwtAuthenticationToken token, @PathVariable long id, @RequestBody Rejection rejection) {
        return view(decisions.reject(caller(token), id, rejection.reason()));
    }

    /** 撤销申请 (R-TR-6). */
    @PostMapping("/api/transfers/{id}/withdrawal")
    View withdraw(JwtAuthenticationToken token, @PathVariable long id) {
        return view(decisions.withdraw(caller(token), id));
    }

    /** 我的组织关系转接历史, newest first; pass the last id seen as {@code before}. */
    @GetMapping("/api/transfers/history")
    Page mine(JwtAuthenticationToken token, @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<View> items = history.mine(caller(token), before, size).stream().map(this::view).toList();
        return new Page(items, items.size() == size ? items.getLast().id() : null);
    }

    /** 组织关系转接审批: what waits for the org's admins, oldest first, with counts per step and days left. */
    @GetMapping("/api/transfers/orgs/{orgId}/waiting")
    Queue waiting(JwtAuthenticationToken token, @PathVariable long orgId,
                  @RequestParam(required = false) TransferStep step,
                  @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                  @RequestParam(defaultValue = "0") long after,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        TransferHistory.Queue queue = history.waitingFor(caller(token), orgId, step, from, to, after, size);
        List<View> items = queue.items().stream().map(this::view).toList();
        return new Queue(items, queue.counts(), items.size() == size ? items.getLast().id() : null);
    }

    /** R-TR-10: the provincial-level orgs, the national system committees among them. */
    @GetMapping("/api/transfers/targets")
    List<TargetOrg> roots(@RequestParam(defaultValue = "0") long after,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return targets.roots(after, size);
    }

    @GetMapping("/api/transfers/targets/{orgId}/children")
    List<TargetOrg> children(@PathVariable long orgId, @RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return targets.children(orgId, after, size);
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    private View view(Transfer t) {
        Instant now = history.now();
        return new View(t.id(), t.idNumber(), t.name(), t.initiator(), t.startedBy(), t.reason(), t.fromBranchId(),
                t.targetOrgId(), t.toBranchId(), t.steps(), t.currentStep(), t.state(), t.startedAt(),
                t.state().open() ? t.stepSince() : null,
                t.state().open() ? TransferDeadline.expiresAt(t.stepSince()) : null,
                t.state().open() ? TransferDeadline.daysLeft(t.stepSince(), now) : null,
                t.closedAt(), t.endedBy(), t.endReason(), t.kind(), t.destination().type(),
                t.destination().externalSystem(), t.destination().note());
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

    record BatchTransfer(long committeeId, long toBranchId, List<String> idNumbers, String reason) {
    }

    record JobReportRequest(String idNumber, String employer) {
    }

    record Assignment(long branchId) {
    }

    record Rejection(String reason) {
    }

    record View(long id, String idNumber, String name, Initiator initiator, String startedBy, String reason,
                long fromBranchId, Long targetOrgId, Long toBranchId, List<TransferStep> steps,
                TransferStep currentStep, TransferState state, Instant startedAt, Instant stepSince,
                Instant expiresAt, Long daysLeft, Instant closedAt, String endedBy, String endReason,
                TransferKind kind, DestinationType destinationType, ExternalSystem externalSystem,
                String destinationNote) {
    }

    record Detail(View transfer, List<cn.league.transfer.Transfer.Entry> entries) {
    }

    record Page(List<View> items, Long next) {
    }

    record Queue(List<View> items, List<StepCount> counts, Long next) {
    }
}
