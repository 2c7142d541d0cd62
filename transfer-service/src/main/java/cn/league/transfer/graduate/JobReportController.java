package cn.league.transfer.graduate;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import cn.league.support.security.Caller;
import cn.league.transfer.graduate.JobReportStore.JobReport;
import cn.league.transfer.graduate.JobReports.MoveOut;

@Tag(name = "学社衔接", description = "毕业生登记就业，流动团支部待转出的团员 (R-TR-11)")
@RestController
class JobReportController {

    private final JobReports jobs;

    JobReportController(JobReports jobs) {
        this.jobs = jobs;
    }

    /** R-TR-11: a graduate found work; reported by them ({@code idNumber} omitted) or an admin over their branch. */
    @Operation(summary = "毕业生登记就业 (R-TR-11)")
    @PostMapping("/api/transfers/job-reports")
    @ResponseStatus(HttpStatus.CREATED)
    JobReport reportJob(JwtAuthenticationToken token, @RequestBody JobReportRequest request) {
        return jobs.report(Caller.of(token).idNumber(), request.idNumber(), request.employer());
    }

    /** R-TR-11 (FAQ 63): a 流动团支部's members with a job on record, to move out within a month; or the overdue ones. */
    @Operation(summary = "流动团支部待转出的已就业团员 (R-TR-11)")
    @GetMapping("/api/transfers/orgs/{branchId}/to-move-out")
    List<MoveOut> toMoveOut(JwtAuthenticationToken token, @PathVariable long branchId,
                            @RequestParam(defaultValue = "false") boolean overdueOnly,
                            @RequestParam(defaultValue = "") String after,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return jobs.toMoveOut(Caller.of(token).idNumber(), branchId, overdueOnly, after, size);
    }

    record JobReportRequest(String idNumber, String employer) {
    }
}
