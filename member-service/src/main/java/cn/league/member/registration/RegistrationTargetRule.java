package cn.league.member.registration;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpStatus;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.member.membership.MemberEntry;
import cn.league.member.membership.MembershipRule;
import cn.league.support.problem.ProblemException;

/**
 * R-AUTH-4 (FAQ 3): which org a self-registration may ask to join. A member registers into a branch (R-MEM-1); a
 * cadre, with a post, into a grassroots org or a branch (团委, 团工委, 团总支, 团支部): the cadres of the leading
 * bodies are added by the admins above them, and the system's own orgs (待接转团支部, 毕业生团组织) take nobody new.
 * org-service's public search of registration targets lists the same orgs.
 */
public final class RegistrationTargetRule {

    static final Set<OrgType> CADRE_ORGS = EnumSet.of(OrgType.COMMITTEE, OrgType.WORK_COMMITTEE,
            OrgType.GENERAL_BRANCH, OrgType.BRANCH);

    private RegistrationTargetRule() {
    }

    public static void check(RegistrationKind kind, String postTitle, OrgSnapshot org) {
        if (kind == RegistrationKind.MEMBER) {
            MembershipRule.checkBranch(org);
            return;
        }
        MemberEntry.checkPostTitle(postTitle);
        if (!CADRE_ORGS.contains(org.type())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "REGISTRATION_ORG_NOT_OPEN", "R-AUTH-4",
                    "团干部注册请选择团委、团工委、团总支或团支部;领导机关的团干部由上级组织管理员添加");
        }
    }
}
