package cn.league.org.school;

import java.util.List;

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

class GraduationMarkRuleTest {

    static final Org DISTRICT = org(10, 2L, "1.2.10", OrgType.LEADING_BODY, OrgDomain.PARTY_AND_GOVERNMENT, null);
    static final Org UNIVERSITY = org(100, 10L, "1.2.10.100", OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);
    static final Org COLLEGE = org(200, 100L, "1.2.10.100.200", OrgType.GENERAL_BRANCH, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);
    static final Org CLASS = org(300, 200L, "1.2.10.100.200.300", OrgType.BRANCH, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);

    @Test
    @DisplayName("R-GRAD-1 the school-domain 团委 / 团工委 / 团总支 above a branch mark it, at any distance")
    void schoolBodiesAbove() {
        assertThatCode(() -> GraduationMarkRule.checkMarker(CLASS, List.of(COLLEGE))).doesNotThrowAnyException();
        assertThatCode(() -> GraduationMarkRule.checkMarker(CLASS, List.of(UNIVERSITY))).doesNotThrowAnyException();
        var workCommittee = org(100, 10L, "1.2.10.100", OrgType.WORK_COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);
        assertThatCode(() -> GraduationMarkRule.checkMarker(CLASS, List.of(workCommittee))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-GRAD-1 where a whole school is one branch, its direct parent marks it, whatever the parent's domain")
    void wholeSchoolBranch() {
        var educationWorkCommittee = org(50, 10L, "1.2.10.50", OrgType.WORK_COMMITTEE, OrgDomain.PUBLIC_INSTITUTION, null);
        var schoolBranch = org(51, 50L, "1.2.10.50.51", OrgType.BRANCH, OrgDomain.SCHOOL, SchoolLevel.JUNIOR_HIGH);
        assertThatCode(() -> GraduationMarkRule.checkMarker(schoolBranch, List.of(educationWorkCommittee)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-GRAD-1 a branch's own admin cannot mark it; nor can a non-school body further up")
    void notAllowed() {
        assertRefused(() -> GraduationMarkRule.checkMarker(CLASS, List.of(CLASS)), "BRANCH_ADMIN_CANNOT_MARK");
        assertRefused(() -> GraduationMarkRule.checkMarker(CLASS, List.of(DISTRICT)), "GRADUATION_MARKER_NOT_ALLOWED");
        assertRefused(() -> GraduationMarkRule.checkMarker(CLASS, List.of()), "OUT_OF_SCOPE");
    }

    @Test
    @DisplayName("R-GRAD-1 who may mark the branches right under an org: its own admin, or an admin of a school body at "
            + "or above it; a leading body's admin only for its own direct children")
    void markingTheBranchesBelow() {
        assertThat(GraduationMarkRule.mayMarkChildrenOf(COLLEGE, List.of(COLLEGE))).isTrue();
        assertThat(GraduationMarkRule.mayMarkChildrenOf(COLLEGE, List.of(UNIVERSITY))).isTrue();
        assertThat(GraduationMarkRule.mayMarkChildrenOf(UNIVERSITY, List.of(DISTRICT))).isFalse();
        assertThat(GraduationMarkRule.mayMarkChildrenOf(DISTRICT, List.of(DISTRICT))).isTrue();
        assertThat(GraduationMarkRule.mayMarkChildrenOf(COLLEGE, List.of())).isFalse();
        assertThat(GraduationMarkRule.mayMark(CLASS, List.of(COLLEGE))).isTrue();
        assertThat(GraduationMarkRule.mayMark(CLASS, List.of(CLASS))).isFalse();
        assertThat(GraduationMarkRule.mayMark(CLASS, List.of(DISTRICT))).isFalse();
    }

    @Test
    @DisplayName("R-GRAD-1 only a BRANCH of a school other than 小学 can be marked (FAQ 51)")
    void whatCanBeMarked() {
        assertThatCode(() -> GraduationMarkRule.checkBranch(CLASS)).doesNotThrowAnyException();
        assertThat(GraduationMarkRule.markable(CLASS)).isTrue();
        assertThat(GraduationMarkRule.markable(COLLEGE)).isFalse();
        assertRefused(() -> GraduationMarkRule.checkBranch(COLLEGE), "GRADUATION_MARK_NOT_A_BRANCH");
        var graduated = org(301, 200L, "1.2.10.100.200.301", OrgType.GRADUATE_BRANCH, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY);
        assertRefused(() -> GraduationMarkRule.checkBranch(graduated), "GRADUATION_MARK_NOT_A_BRANCH");
        var primary = org(302, 200L, "1.2.10.100.200.302", OrgType.BRANCH, OrgDomain.SCHOOL, SchoolLevel.PRIMARY);
        assertRefused(() -> GraduationMarkRule.checkBranch(primary), "GRADUATION_MARK_NOT_A_SCHOOL_BRANCH");
        assertThat(GraduationMarkRule.markable(graduated)).isFalse();
        assertThat(GraduationMarkRule.markable(primary)).isFalse();
        var enterprise = org(303, 200L, "1.2.10.100.200.303", OrgType.BRANCH, OrgDomain.STATE_ENTERPRISE, null);
        assertRefused(() -> GraduationMarkRule.checkBranch(enterprise), "GRADUATION_MARK_NOT_A_SCHOOL_BRANCH");
    }

    @Test
    @DisplayName("R-GRAD-2 a mark names a year from this year to ten years ahead, or is cleared")
    void years() {
        assertThatCode(() -> GraduationMarkRule.checkYear(2026, 2026)).doesNotThrowAnyException();
        assertThatCode(() -> GraduationMarkRule.checkYear(2036, 2026)).doesNotThrowAnyException();
        assertThatCode(() -> GraduationMarkRule.checkYear(null, 2026)).doesNotThrowAnyException();
        assertRefused(() -> GraduationMarkRule.checkYear(2025, 2026), "GRADUATION_YEAR_OUT_OF_RANGE");
        assertRefused(() -> GraduationMarkRule.checkYear(2037, 2026), "GRADUATION_YEAR_OUT_OF_RANGE");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
