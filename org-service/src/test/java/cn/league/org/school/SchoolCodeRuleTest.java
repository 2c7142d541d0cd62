package cn.league.org.school;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

import static cn.league.org.support.Orgs.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolCodeRuleTest {

    static final Org UNIVERSITY = org(100, 10L, "1.2.10.100", OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);

    @Test
    @DisplayName("R-ORG-8 an independent school's committee has a code, set by its own admin")
    void independentSchool() {
        assertThatCode(() -> SchoolCodeRule.checkHolder(UNIVERSITY, OrgDomain.PARTY_AND_GOVERNMENT, true))
                .doesNotThrowAnyException();
        var generalBranchSchool = org(101, 50L, "1.2.50.101", OrgType.GENERAL_BRANCH, OrgDomain.SCHOOL, SchoolLevel.SENIOR_HIGH);
        assertThatCode(() -> SchoolCodeRule.checkHolder(generalBranchSchool, OrgDomain.PUBLIC_INSTITUTION, true))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-ORG-8 nobody but the school committee's own admin sets its code")
    void ownAdminOnly() {
        assertRefused(UNIVERSITY, OrgDomain.PARTY_AND_GOVERNMENT, false, "SCHOOL_CODE_OWN_ADMIN_ONLY");
    }

    @Test
    @DisplayName("R-ORG-8 never a leading body, a college or a class branch, nor a non-school org")
    void notIndependentSchools() {
        var leadingBody = org(10, 2L, "1.2.10", OrgType.LEADING_BODY, OrgDomain.PARTY_AND_GOVERNMENT, null);
        assertRefused(leadingBody, OrgDomain.PARTY_AND_GOVERNMENT, true, "SCHOOL_CODE_NOT_FOR_LEADING_BODY");
        var college = org(200, 100L, "1.2.10.100.200", OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);
        assertRefused(college, OrgDomain.SCHOOL, true, "SCHOOL_CODE_NOT_AN_INDEPENDENT_SCHOOL");
        var classBranch = org(300, 200L, "1.2.10.100.200.300", OrgType.BRANCH, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);
        assertRefused(classBranch, OrgDomain.SCHOOL, true, "SCHOOL_CODE_NOT_AN_INDEPENDENT_SCHOOL");
        var enterprise = org(400, 10L, "1.2.10.400", OrgType.COMMITTEE, OrgDomain.STATE_ENTERPRISE, null);
        assertRefused(enterprise, OrgDomain.PARTY_AND_GOVERNMENT, true, "SCHOOL_CODE_NOT_AN_INDEPENDENT_SCHOOL");
        assertThat(SchoolCodeRule.isIndependentSchool(UNIVERSITY, OrgDomain.PARTY_AND_GOVERNMENT)).isTrue();
        assertThat(SchoolCodeRule.isIndependentSchool(college, OrgDomain.SCHOOL)).isFalse();
        assertThat(SchoolCodeRule.isIndependentSchool(classBranch, OrgDomain.SCHOOL)).isFalse();
        assertThat(SchoolCodeRule.isIndependentSchool(leadingBody, OrgDomain.PARTY_AND_GOVERNMENT)).isFalse();
    }

    @Test
    @DisplayName("R-ORG-8 a code is 5 to 20 digits, stored trimmed")
    void format() {
        assertThat(SchoolCodeRule.normalised(" 4111010001 ")).isEqualTo("4111010001");
        for (String wrong : new String[] {"", "1234", "41110100AB", "411-101-0001", "123456789012345678901"}) {
            assertThatThrownBy(() -> SchoolCodeRule.normalised(wrong)).as(wrong)
                    .isInstanceOfSatisfying(ProblemException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("SCHOOL_CODE_FORMAT");
                        assertThat(refused.rule()).isEqualTo("R-ORG-8");
                    });
        }
    }

    private static void assertRefused(Org org, OrgDomain parentDomain, boolean ownAdmin, String code) {
        assertThatThrownBy(() -> SchoolCodeRule.checkHolder(org, parentDomain, ownAdmin))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(code);
                    assertThat(refused.rule()).isEqualTo("R-ORG-8");
                });
    }
}
