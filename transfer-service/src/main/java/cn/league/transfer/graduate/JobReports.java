package cn.league.transfer.graduate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.orgreplica.OrgTree;
import cn.league.transfer.TransferRefusal.Kind;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.graduate.JobReportStore.JobReport;
import cn.league.transfer.graduate.JobReportStore.MemberWithJob;
import cn.league.transfer.graduate.JobReportStore;
import cn.league.transfer.membercopy.MemberCopyStore.MemberCopy;
import cn.league.transfer.membercopy.MemberCopyStore;

/**
 * R-TR-11 (FAQ 62, 63): a graduate's job, reported by them or an admin over their branch (the 流动团支部 keeps in
 * touch with them), and the 流动团支部's list of members to move out within a month of that report.
 */
@Service
public class JobReports {

    /** One member on the 流动团支部's list, with the last day to move them out (FAQ 63). */
    public record MoveOut(String idNumber, String name, String employer, Instant reportedAt, Instant dueBy,
                          boolean overdue, Long openTransferId) {
    }

    static final int EMPLOYER_MAX = 100;

    private final JobReportStore reports;
    private final MemberCopyStore members;
    private final OrgTree tree;
    private final Clock clock;

    JobReports(JobReportStore reports, MemberCopyStore members, OrgTree tree, ObjectProvider<Clock> clock) {
        this.reports = reports;
        this.members = members;
        this.tree = tree;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The member reports their own job, or an admin of their branch or above does (R-SCOPE-1). */
    @Transactional
    public JobReport report(String caller, String idNumber, String employer) {
        String person = idNumber == null || idNumber.isBlank() ? caller : idNumber.strip().toUpperCase(Locale.ROOT);
        MemberCopy member = members.find(person).filter(found -> found.branchId() != null)
                .filter(found -> found.idNumber().equalsIgnoreCase(caller) || tree.mayActOn(caller, found.branchId()))
                .orElseThrow(() -> new TransferRefusal(Kind.NOT_FOUND, "PERSON_NOT_FOUND", "R-SCOPE-1",
                        "未查询到该团员,请核对身份证号"));
        if (employer == null || employer.isBlank() || employer.strip().length() > EMPLOYER_MAX) {
            throw new TransferRefusal(Kind.INVALID, "EMPLOYER_REQUIRED", "R-TR-11",
                    "请填写工作单位名称(不超过" + EMPLOYER_MAX + "字)");
        }
        JobReport report = new JobReport(member.idNumber(), employer.strip(), caller.toUpperCase(Locale.ROOT),
                clock.instant());
        reports.save(report);
        return report;
    }

    public boolean hasJob(String idNumber) {
        return reports.hasJob(idNumber);
    }

    /** The 流动团支部's members with a job on record; only the overdue ones when asked (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public List<MoveOut> toMoveOut(String caller, long branchId, boolean overdueOnly, String after, int size) {
        OrgSnapshot branch = tree.find(branchId).filter(found -> tree.mayActOn(caller, found.id()))
                .orElseThrow(() -> new TransferRefusal(Kind.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1",
                        "无权查看该组织的团员"));
        if (branch.branchKind() != BranchKind.FLOATING) {
            throw new TransferRefusal(Kind.INVALID, "NOT_A_FLOATING_BRANCH", "R-TR-11", "该组织不是流动团支部");
        }
        Instant now = clock.instant();
        return reports.inBranch(branchId, overdueOnly ? FloatingBranchDeadline.reportedBefore(now) : null,
                        after == null ? "" : after, size).stream()
                .map(m -> new MoveOut(m.idNumber(), m.name(), m.employer(), m.reportedAt(),
                        FloatingBranchDeadline.dueBy(m.reportedAt()),
                        FloatingBranchDeadline.overdue(m.reportedAt(), now), m.openTransferId()))
                .toList();
    }
}
