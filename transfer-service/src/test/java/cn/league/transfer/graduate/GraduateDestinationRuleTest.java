package cn.league.transfer.graduate;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.transfer.membercopy.MemberCopyStore.MemberCopy;

import static cn.league.contracts.transfer.TransferEvents.DestinationType.FURTHER_STUDY;
import static cn.league.contracts.transfer.TransferEvents.DestinationType.JOB;
import static cn.league.contracts.transfer.TransferEvents.DestinationType.MILITARY;
import static cn.league.contracts.transfer.TransferEvents.DestinationType.NO_JOB;
import static cn.league.contracts.transfer.TransferEvents.TransferKind.ORDINARY;
import static cn.league.contracts.transfer.TransferEvents.TransferKind.SPECIAL_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraduateDestinationRuleTest {

    static final OrgSnapshot TOWNSHIP = org(30, "1.2.30", OrgType.WORK_COMMITTEE, null, OrgDomain.RURAL);
    static final OrgSnapshot FLOATING = org(31, "1.2.30.31", OrgType.BRANCH, BranchKind.FLOATING, OrgDomain.RURAL);
    static final OrgSnapshot OTHER_TOWNSHIP = org(40, "1.2.40", OrgType.WORK_COMMITTEE, null, OrgDomain.RURAL);
    static final OrgSnapshot PARK_BRANCH = org(41, "1.2.40.41", OrgType.BRANCH, BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY,
            OrgDomain.PRIVATE_ENTERPRISE);
    static final OrgSnapshot COMPANY = org(50, "1.2.50", OrgType.COMMITTEE, null, OrgDomain.STATE_ENTERPRISE);
    static final OrgSnapshot SCHOOL = org(60, "1.2.60.61", OrgType.BRANCH, null, OrgDomain.SCHOOL);

    static OrgSnapshot org(long id, String path, OrgType type, BranchKind kind, OrgDomain domain) {
        return new OrgSnapshot(id, null, path, type, kind, domain, null, "org" + id, "org" + id, "11", 2L, null);
    }

    static void check(boolean graduate, DestinationType type, OrgSnapshot target, OrgSnapshot location, boolean job) {
        GraduateDestinationRule.check(graduate, ORDINARY, type, target, location, job);
    }

    @Test
    @DisplayName("R-TR-11 every graduate's transfer names a destination type")
    void destinationRequired() {
        assertThatThrownBy(() -> check(true, null, COMPANY, null, false))
                .hasFieldOrPropertyWithValue("code", "DESTINATION_REQUIRED");
        assertThatThrownBy(() -> GraduateDestinationRule.check(true, SPECIAL_UNIT, null, null, null, false))
                .hasFieldOrPropertyWithValue("code", "DESTINATION_REQUIRED");
        assertThatCode(() -> GraduateDestinationRule.check(true, SPECIAL_UNIT, MILITARY, null, null, false))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-MEM-10 delayed graduates and teachers are not graduates: no destination asked, none accepted")
    void notGraduates() {
        MemberCopy delayed = new MemberCopy("X", "张三", 1L, true, true, false);
        MemberCopy teacher = new MemberCopy("X", "张三", 1L, true, false, true);
        MemberCopy graduate = new MemberCopy("X", "张三", 1L, true, false, false);
        assertThat(delayed.graduate()).isFalse();
        assertThat(teacher.graduate()).isFalse();
        assertThat(graduate.graduate()).isTrue();
        assertThatCode(() -> check(teacher.graduate(), null, COMPANY, null, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(delayed.graduate(), JOB, COMPANY, null, false))
                .hasFieldOrPropertyWithValue("code", "NOT_A_GRADUATE").hasFieldOrPropertyWithValue("rule", "R-MEM-10");
    }

    @Test
    @DisplayName("R-TR-11 job: the employer's org, or the 流动团支部/学社衔接临时团支部 of the employer's township — not one elsewhere")
    void job() {
        assertThatCode(() -> check(true, JOB, COMPANY, null, true)).doesNotThrowAnyException();
        assertThatCode(() -> check(true, JOB, FLOATING, TOWNSHIP, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(true, JOB, FLOATING, OTHER_TOWNSHIP, true))
                .hasFieldOrPropertyWithValue("code", "FLOATING_BRANCH_EMPLOYED_ELSEWHERE")
                .hasMessage("流动团支部不接收已在外地落实工作单位的毕业学生团员");
        assertThatThrownBy(() -> check(true, JOB, FLOATING, null, true))
                .hasFieldOrPropertyWithValue("code", "FLOATING_BRANCH_EMPLOYED_ELSEWHERE");
        assertThatCode(() -> check(true, JOB, PARK_BRANCH, OTHER_TOWNSHIP, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(true, JOB, PARK_BRANCH, TOWNSHIP, false))
                .hasFieldOrPropertyWithValue("code", "TEMPORARY_BRANCH_EMPLOYED_ELSEWHERE");
    }

    @Test
    @DisplayName("R-TR-11 no job: only a 流动团支部, and never for a graduate with a job (FAQ 62)")
    void noJob() {
        assertThatCode(() -> check(true, NO_JOB, FLOATING, null, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(true, NO_JOB, COMPANY, null, false))
                .hasFieldOrPropertyWithValue("code", "NO_JOB_TO_FLOATING_BRANCH");
        assertThatThrownBy(() -> check(true, NO_JOB, FLOATING, null, true))
                .hasFieldOrPropertyWithValue("code", "GRADUATE_HAS_JOB")
                .hasMessage("已找到工作的毕业学生团员,不能选择“未就业”渠道将团组织关系转往户籍地");
    }

    @Test
    @DisplayName("R-TR-11 further study: the new school's branch")
    void furtherStudy() {
        assertThatCode(() -> check(true, FURTHER_STUDY, SCHOOL, null, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(true, FURTHER_STUDY, COMPANY, null, false))
                .hasFieldOrPropertyWithValue("code", "FURTHER_STUDY_TO_SCHOOL");
    }

    @Test
    @DisplayName("R-TR-11 a 流动团支部 moves a member out within a month of the job report (Beijing calendar month)")
    void oneMonth() {
        Instant reported = Instant.parse("2027-07-14T16:30:00Z"); // 2027-07-15 00:30 in Beijing
        assertThat(FloatingBranchDeadline.dueBy(reported)).isEqualTo(Instant.parse("2027-08-14T16:30:00Z"));
        assertThat(FloatingBranchDeadline.overdue(reported, Instant.parse("2027-08-14T16:30:00Z"))).isFalse();
        assertThat(FloatingBranchDeadline.overdue(reported, Instant.parse("2027-08-14T16:30:01Z"))).isTrue();
    }
}
