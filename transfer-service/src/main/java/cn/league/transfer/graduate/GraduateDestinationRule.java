package cn.league.transfer.graduate;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferRefusal.Kind;

/**
 * R-TR-11 (FAQ 62–66) and R-MEM-10: whether a transfer's destination type fits the person and the target org.
 * What the type alone decides (study abroad stays, military service is a special unit) is in the aggregate.
 * <ul>
 * <li>Every graduate's transfer names a destination type; a member who is not a graduate (a delayed graduate or a
 * teacher in a graduate branch, R-MEM-10) names none.</li>
 * <li>Job: the employer's org, or — where it has none — the 流动团支部 / 学社衔接临时团支部 of the employer's
 * township, street or park: such a branch must lie under the employer's location, or it refuses (FAQ 56, 63).</li>
 * <li>Further study: the new school's org.</li>
 * <li>No job (未就业): a 流动团支部 (home township, origin or residence), never for a graduate with a job (FAQ 62).</li>
 * </ul>
 */
public final class GraduateDestinationRule {

    private GraduateDestinationRule() {
    }

    /**
     * @param target           the target org, or null when the transfer leaves the tree
     * @param employerLocation the township, street or park org of the employer (job only), or null
     * @param jobReported      whether the graduate has a job on record ({@link JobReports})
     */
    public static void check(boolean graduate, TransferKind kind, DestinationType type, OrgSnapshot target,
                             OrgSnapshot employerLocation, boolean jobReported) {
        if (!graduate) {
            if (type != null) {
                throw new TransferRefusal(Kind.INVALID, "NOT_A_GRADUATE", "R-MEM-10",
                        "该团员未被标识为毕业生(延期毕业生、教师除外),无需选择毕业去向");
            }
            return;
        }
        if (type == null) {
            throw new TransferRefusal(Kind.INVALID, "DESTINATION_REQUIRED", "R-TR-11", "毕业学生团员转接须选择毕业去向");
        }
        if (type == DestinationType.NO_JOB && jobReported) {
            throw new TransferRefusal(Kind.CONFLICT, "GRADUATE_HAS_JOB", "R-TR-11",
                    "已找到工作的毕业学生团员,不能选择“未就业”渠道将团组织关系转往户籍地");
        }
        if (kind != TransferKind.ORDINARY || target == null) {
            return; // special unit or system outside: no org here to check
        }
        BranchKind flag = target.branchKind();
        switch (type) {
            case NO_JOB -> {
                if (flag != BranchKind.FLOATING) {
                    throw new TransferRefusal(Kind.INVALID, "NO_JOB_TO_FLOATING_BRANCH", "R-TR-11",
                            "未就业的毕业学生团员应转入户籍所在地、生源地或父母居住地乡镇街道的流动团支部");
                }
            }
            case JOB -> {
                if (flag != null && !within(target, employerLocation)) {
                    throw flag == BranchKind.FLOATING
                            ? new TransferRefusal(Kind.CONFLICT, "FLOATING_BRANCH_EMPLOYED_ELSEWHERE", "R-TR-11",
                            "流动团支部不接收已在外地落实工作单位的毕业学生团员")
                            : new TransferRefusal(Kind.CONFLICT, "TEMPORARY_BRANCH_EMPLOYED_ELSEWHERE", "R-TR-11",
                            "学社衔接临时团支部只接收在本园区工作、单位尚未建立团组织的毕业学生团员");
                }
            }
            case FURTHER_STUDY -> {
                if (target.domain() != OrgDomain.SCHOOL || flag != null) {
                    throw new TransferRefusal(Kind.INVALID, "FURTHER_STUDY_TO_SCHOOL", "R-TR-11",
                            "继续深造的毕业学生团员应转入新学校的团组织");
                }
            }
            default -> {
                // MILITARY and STUDY_ABROAD never reach an ordinary transfer (refused by the aggregate)
            }
        }
    }

    /** The branch lies below the employer's township, street or park org. */
    private static boolean within(OrgSnapshot branch, OrgSnapshot location) {
        return location != null && branch.path().startsWith(location.path() + ".");
    }
}
