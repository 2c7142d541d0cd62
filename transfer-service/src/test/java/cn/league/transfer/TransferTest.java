package cn.league.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.transfer.Transfer.Mover;
import cn.league.transfer.Transfer.Place;
import cn.league.transfer.Transfer.Request;

import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.BRANCH_ASSIGNMENT;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.IN_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferTest {

    static final Instant T0 = Instant.parse("2027-06-01T08:00:00Z");
    static final String ID = "11010119950315123X";

    static final Mover MOVER = new Mover(ID, "张三", new Place(10, 5L, "1.5.10"));

    static Transfer started(Initiator initiator, boolean toBranch) {
        return Transfer.start(MOVER, new Request(initiator, "ADMIN", "毕业"), new Place(20, 15L, "1.15.20"), toBranch,
                null, T0).withId(7);
    }

    @Test
    @DisplayName("R-TR-2 transfer in by the in-side's admin: the out-side (old branch or its parent) approves, done")
    void transferIn() {
        Transfer t = started(Initiator.IN_SIDE_ADMIN, true);
        assertThat(t.steps()).containsExactly(OUT_SIDE_APPROVAL);
        assertThat(t.waitingAt()).isEqualTo(10);
        assertThat(t.waitingParent()).isEqualTo(5);
        Transfer.Change change = t.approve("OLD", T0.plusSeconds(60));
        assertThat(change.after().state()).isEqualTo(TransferState.APPROVED);
        assertThat(change.after().toBranchId()).isEqualTo(20);
        assertThat(change.events()).containsExactly(new TransferStepDone(7, ID, OUT_SIDE_APPROVAL, "OLD", null, null),
                new TransferApproved(7, ID, 10, 20));
    }

    @Test
    @DisplayName("R-TR-3 transfer out to a branch: the in-side (new branch or its parent) approves, done")
    void outToBranch() {
        Transfer t = started(Initiator.OUT_SIDE_ADMIN, true);
        assertThat(t.steps()).containsExactly(IN_SIDE_APPROVAL);
        assertThat(t.waitingAt()).isEqualTo(20);
        assertThat(t.waitingParent()).isEqualTo(15);
        assertThat(t.approve("NEW", T0).after().state()).isEqualTo(TransferState.APPROVED);
    }

    @Test
    @DisplayName("R-TR-3 transfer out to a committee: its admin approves, then assigns a branch below it")
    void outToCommittee() {
        Transfer t = started(Initiator.OUT_SIDE_ADMIN, false);
        assertThat(t.steps()).containsExactly(IN_SIDE_APPROVAL, BRANCH_ASSIGNMENT);
        assertThat(t.waitingParent()).as("only the body's own admin").isNull();
        assertThatThrownBy(() -> t.assignBranch(30, "NEW", T0)).hasFieldOrPropertyWithValue("code",
                "NOT_AT_BRANCH_ASSIGNMENT");
        Transfer approved = t.approve("NEW", T0.plusSeconds(5)).after();
        assertThat(approved.state()).isEqualTo(TransferState.OPEN);
        assertThat(approved.currentStep()).isEqualTo(BRANCH_ASSIGNMENT);
        assertThat(approved.stepSince()).as("the next step's 10 days start now").isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> approved.approve("NEW", T0)).hasFieldOrPropertyWithValue("code",
                "BRANCH_ASSIGNMENT_REQUIRED");
        Transfer.Change assigned = approved.assignBranch(30, "NEW", T0.plusSeconds(9));
        assertThat(assigned.after().state()).isEqualTo(TransferState.APPROVED);
        assertThat(assigned.events()).contains(new TransferApproved(7, ID, 10, 30));
    }

    @Test
    @DisplayName("R-TR-1 started by the member: out-side, then in-side approve (decision from FAQ 72)")
    void byMember() {
        assertThat(started(Initiator.MEMBER, true).steps()).containsExactly(OUT_SIDE_APPROVAL, IN_SIDE_APPROVAL);
        assertThat(TransferPath.stepsFor(TransferKind.ORDINARY, Initiator.MEMBER, false))
                .containsExactly(OUT_SIDE_APPROVAL, IN_SIDE_APPROVAL, BRANCH_ASSIGNMENT);
        assertThat(TransferPath.stepsFor(TransferKind.ORDINARY, Initiator.IN_SIDE_ADMIN, false))
                .containsExactly(OUT_SIDE_APPROVAL, BRANCH_ASSIGNMENT);
    }

    @Test
    @DisplayName("R-TR-7 a rejection needs a reason, which the transfer keeps for the member")
    void rejection() {
        Transfer t = started(Initiator.OUT_SIDE_ADMIN, true);
        assertThatThrownBy(() -> t.reject("NEW", " ", T0)).hasFieldOrPropertyWithValue("rule", "R-TR-7");
        Transfer.Change rejected = t.reject("NEW", "转入组织选择错误", T0);
        assertThat(rejected.after().state()).isEqualTo(TransferState.REJECTED);
        assertThat(rejected.after().endReason()).isEqualTo("转入组织选择错误");
        assertThat(rejected.events()).containsExactly(
                new TransferRejected(7, ID, IN_SIDE_APPROVAL, "NEW", "转入组织选择错误"));
    }

    @Test
    @DisplayName("R-TR-6 withdrawal only before the last approval; an ended transfer refuses every move")
    void withdrawal() {
        Transfer t = started(Initiator.MEMBER, true);
        Transfer halfway = t.approve("OLD", T0).after();
        assertThat(halfway.withdraw(ID, T0).after().state()).isEqualTo(TransferState.WITHDRAWN);
        Transfer done = halfway.approve("NEW", T0).after();
        for (var move : List.<Runnable>of(() -> done.withdraw(ID, T0), () -> done.approve("NEW", T0),
                () -> done.reject("NEW", "x", T0), () -> done.expire(T0.plus(Duration.ofDays(30))))) {
            assertThatThrownBy(move::run).isInstanceOf(TransferRefusal.class)
                    .hasFieldOrPropertyWithValue("code", "TRANSFER_NOT_OPEN");
        }
    }

    @Test
    @DisplayName("R-TR-5 a step waiting 10 days expires, not a second earlier; days left count down")
    void expiry() {
        Transfer t = started(Initiator.IN_SIDE_ADMIN, true);
        assertThatThrownBy(() -> t.expire(T0.plus(Duration.ofDays(10)).minusSeconds(1)))
                .hasFieldOrPropertyWithValue("code", "STEP_NOT_EXPIRED");
        Transfer.Change expired = t.expire(T0.plus(Duration.ofDays(10)));
        assertThat(expired.after().state()).isEqualTo(TransferState.EXPIRED);
        assertThat(expired.events()).containsExactly(new TransferExpired(7, ID, OUT_SIDE_APPROVAL));
        assertThat(TransferDeadline.daysLeft(T0, T0)).isEqualTo(10);
        assertThat(TransferDeadline.daysLeft(T0, T0.plus(Duration.ofDays(9)).plusSeconds(1))).isEqualTo(1);
        assertThat(TransferDeadline.daysLeft(T0, T0.plus(Duration.ofDays(11)))).isZero();
    }

    @Test
    @DisplayName("R-TR-2 a transfer needs a reason and cannot go to the branch the member is in")
    void startChecks() {
        assertThatThrownBy(() -> Transfer.start(MOVER, new Request(Initiator.MEMBER, ID, ""), new Place(20, 15L, "q"),
                true, null, T0)).hasFieldOrPropertyWithValue("code", "TRANSFER_REASON_REQUIRED");
        assertThatThrownBy(() -> Transfer.start(MOVER, new Request(Initiator.MEMBER, ID, "r"), MOVER.branch(), true,
                null, T0)).hasFieldOrPropertyWithValue("code", "ALREADY_IN_TARGET");
    }
}
