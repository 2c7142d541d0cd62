package cn.league.member.registration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistrationTargetRuleTest {

    static OrgSnapshot org(OrgType type) {
        return new OrgSnapshot(7, 1L, "1.7", type, null, OrgDomain.RURAL, null, "某村团支部", "某村", "11", 1L, null);
    }

    static String refusal(RegistrationKind kind, String post, OrgType type) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> RegistrationTargetRule.check(kind, post, org(type)));
        return refused == null ? null : refused.rule() + " " + refused.code();
    }

    @ParameterizedTest
    @EnumSource(OrgType.class)
    @DisplayName("R-AUTH-4 R-MEM-1 a member registers into a branch (团支部, or a graduates' one); any other org is refused "
            + "by R-MEM-1")
    void members(OrgType type) {
        String refused = refusal(RegistrationKind.MEMBER, null, type);
        if (type == OrgType.BRANCH || type == OrgType.GRADUATE_BRANCH) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused).isEqualTo("R-MEM-1 MEMBERSHIP_ONLY_IN_BRANCH");
        }
    }

    @ParameterizedTest
    @EnumSource(OrgType.class)
    @DisplayName("R-AUTH-4 a cadre registers with a post into a 团委, 团工委, 团总支 or 团支部; not into a leading body or "
            + "the system's own orgs")
    void cadres(OrgType type) {
        String refused = refusal(RegistrationKind.CADRE, "组织委员", type);
        if (RegistrationTargetRule.CADRE_ORGS.contains(type)) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused).isEqualTo("R-AUTH-4 REGISTRATION_ORG_NOT_OPEN");
        }
        assertThat(RegistrationTargetRule.CADRE_ORGS).containsExactlyInAnyOrder(OrgType.COMMITTEE,
                OrgType.WORK_COMMITTEE, OrgType.GENERAL_BRANCH, OrgType.BRANCH);
    }

    @ParameterizedTest
    @EnumSource(value = OrgType.class, names = {"COMMITTEE", "BRANCH"})
    @DisplayName("R-AUTH-4 R-MEM-6 a cadre names their post")
    void cadresNameTheirPost(OrgType type) {
        assertThat(refusal(RegistrationKind.CADRE, " ", type)).isEqualTo("R-MEM-6 POST_REQUIRED");
        assertThatCode(() -> RegistrationTargetRule.check(RegistrationKind.CADRE, "书记", org(type)))
                .doesNotThrowAnyException();
    }
}
