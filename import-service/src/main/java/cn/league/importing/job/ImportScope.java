package cn.league.importing.job;

import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.league.orgreplica.OrgTree;
import cn.league.support.problem.ProblemException;

/**
 * R-SCOPE-1 for imports: a file is uploaded for the org the admin acts for (the chosen org of R-ADM-8 — OrgTree counts
 * only its rights then — or the one org they administer); a job, its file and its failure workbook are seen only by admins of that org and of the
 * bodies above it, never by an admin beside or below it.
 */
@Component
class ImportScope {

    private final OrgTree tree;
    private final JobStore jobs;

    ImportScope(OrgTree tree, JobStore jobs) {
        this.tree = tree;
        this.jobs = jobs;
    }

    /** Templates hold no org's data: any admin may download them. */
    void anAdmin(String caller) {
        if (tree.administeredBy(caller).isEmpty()) {
            throw outOfScope();
        }
    }

    long uploadingOrg(String caller) {
        Set<Long> administered = tree.administeredBy(caller);
        if (administered.isEmpty()) {
            throw outOfScope();
        }
        if (administered.size() > 1) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "ACTIVE_ORG_REQUIRED", "R-ADM-8",
                    "您是多个组织的管理员,请先切换到要导入的组织");
        }
        return administered.iterator().next();
    }

    /**
     * The job, for an admin of the uploading org or above (R-SCOPE-1); to anyone else it is not there, the same answer
     * as for an unknown id (docs/security.md: a job holds people's data).
     */
    ImportJob visibleJob(String caller, UUID id) {
        return jobs.find(id).filter(job -> tree.mayActOn(caller, job.orgId()))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "IMPORT_NOT_FOUND", null, "导入任务不存在"));
    }

    static ProblemException outOfScope() {
        return new ProblemException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE", "R-SCOPE-1", "无权操作该组织的导入");
    }
}
