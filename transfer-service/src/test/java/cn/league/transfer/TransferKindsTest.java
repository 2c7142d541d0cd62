package cn.league.transfer;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.transfer.Transfer.Mover;
import cn.league.transfer.Transfer.Place;
import cn.league.transfer.Transfer.Request;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.PROVINCIAL_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kinds of transfer in the state machine: batch moves, special units, systems outside, graduates' destinations. */
class TransferKindsTest {

    static final Instant T0 = Instant.parse("2027-06-01T08:00:00Z");
    static final String ID = "11010119950315123X";

    static final Place TARGET = new Place(20, 15L, "1.2.15.20");
    static final Mover MOVER = new Mover(ID, "张三", new Place(10, 5L, "1.2.5.10"));

    static Transfer special(Initiator initiator, String note, DestinationType type) {
        return Transfer.toSpecialUnit(MOVER, new Request(initiator, "STARTER", "参军入伍"), 2L, note, type, T0)
                .withId(7);
    }

    static Transfer external(Initiator initiator) {
        return Transfer.toExternalSystem(MOVER, new Request(initiator, "STARTER", "毕业就业"), ExternalSystem.BEIJING,
                " 共青团北京市某某公司委员会 ", DestinationType.JOB, T0).withId(8);
    }

    @Test
    @DisplayName("R-TR-4 a committee's batch move is approved as it starts: no step, requested + approved + closed")
    void batchMove() {
        Mover inBranch = new Mover(ID, "张三", new Place(10, 5L, "1.5.10"));
        Transfer moved = Transfer.batchMove(inBranch, "COMMITTEE", "支部调整", new Place(11, 5L, "1.5.11"), T0)
                .withId(9);
        assertThat(moved.kind()).isEqualTo(TransferKind.COMMITTEE_BATCH);
        assertThat(moved.initiator()).isEqualTo(Initiator.COMMITTEE_ADMIN);
        assertThat(moved.steps()).isEmpty();
        assertThat(moved.state()).isEqualTo(TransferState.APPROVED);
        assertThat(moved.currentStep()).isNull();
        assertThat(moved.startEvents()).containsExactly(
                new TransferRequested(9, ID, 10, 11L, TransferKind.COMMITTEE_BATCH, null),
                new TransferApproved(9, ID, 10, 11));
        assertThatThrownBy(() -> moved.withdraw("COMMITTEE", T0)).hasFieldOrPropertyWithValue("code", "TRANSFER_NOT_OPEN");
        assertThatThrownBy(() -> Transfer.batchMove(inBranch, "C", "x", inBranch.branch(), T0))
                .hasFieldOrPropertyWithValue("code", "ALREADY_IN_TARGET");
    }

    @Test
    @DisplayName("R-TR-8 special unit: no target org, a note, the out-side's provincial-level org approves; the membership leaves")
    void specialUnit() {
        Transfer t = special(Initiator.OUT_SIDE_ADMIN, " 参军入伍 ", DestinationType.MILITARY);
        assertThat(t.targetOrgId()).isNull();
        assertThat(t.steps()).containsExactly(PROVINCIAL_APPROVAL);
        assertThat(t.waitingAt()).isEqualTo(2L);
        assertThat(t.waitingParent()).isNull();
        assertThat(t.destination().note()).isEqualTo("参军入伍");
        assertThat(t.startEvents()).containsExactly(
                new TransferRequested(7, ID, 10, null, TransferKind.SPECIAL_UNIT, DestinationType.MILITARY,
                        PROVINCIAL_APPROVAL));
        Transfer.Change approved = t.approve("PROVINCE", T0.plusSeconds(60));
        assertThat(approved.after().state()).isEqualTo(TransferState.APPROVED);
        assertThat(approved.after().toBranchId()).isNull();
        assertThat(approved.events()).containsExactly(
                new TransferStepDone(7, ID, PROVINCIAL_APPROVAL, "PROVINCE", null, null),
                new TransferredOut(7, ID, 10, TransferKind.SPECIAL_UNIT, null, "参军入伍"));
        assertThat(special(Initiator.MEMBER, "涉密单位", null).steps()).containsExactly(PROVINCIAL_APPROVAL);
    }

    @Test
    @DisplayName("R-TR-8 special unit refusals: no note, a long note, the in-side starting it, no provincial org, a wrong destination")
    void specialUnitRefusals() {
        assertThatThrownBy(() -> special(Initiator.MEMBER, " ", null))
                .hasFieldOrPropertyWithValue("code", "SPECIAL_UNIT_NOTE_REQUIRED").hasFieldOrPropertyWithValue("rule", "R-TR-8");
        assertThatThrownBy(() -> special(Initiator.MEMBER, "长".repeat(Transfer.NOTE_MAX + 1), null))
                .hasFieldOrPropertyWithValue("code", "SPECIAL_UNIT_NOTE_REQUIRED");
        assertThatThrownBy(() -> special(Initiator.IN_SIDE_ADMIN, "参军", null))
                .hasFieldOrPropertyWithValue("code", "ONLY_MEMBER_OR_OUT_SIDE");
        assertThatThrownBy(() -> Transfer.toSpecialUnit(MOVER, new Request(Initiator.MEMBER, ID, "r"), null, "参军",
                null, T0)).hasFieldOrPropertyWithValue("code", "NO_PROVINCIAL_ORG");
        assertThatThrownBy(() -> special(Initiator.MEMBER, "参军", DestinationType.FURTHER_STUDY))
                .hasFieldOrPropertyWithValue("code", "SPECIAL_UNIT_DESTINATION");
    }

    @Test
    @DisplayName("R-TR-9 system outside: typed full name, recorded as external, the out-side approves — not the one who started it")
    void externalSystem() {
        Transfer t = external(Initiator.OUT_SIDE_ADMIN);
        assertThat(t.kind()).isEqualTo(TransferKind.EXTERNAL);
        assertThat(t.steps()).containsExactly(OUT_SIDE_APPROVAL);
        assertThat(t.waitingAt()).isEqualTo(10);
        assertThat(t.waitingParent()).isEqualTo(5L);
        assertThat(t.destination().note()).isEqualTo("共青团北京市某某公司委员会");
        assertThatThrownBy(() -> t.approve("STARTER", T0)).hasFieldOrPropertyWithValue("code", "OWN_TRANSFER");
        Transfer.Change approved = t.approve("OTHER_ADMIN", T0);
        assertThat(approved.events()).contains(new TransferredOut(8, ID, 10, TransferKind.EXTERNAL,
                ExternalSystem.BEIJING, "共青团北京市某某公司委员会"));
        assertThat(approved.events()).noneMatch(e -> e instanceof TransferApproved);
        assertThatThrownBy(() -> Transfer.toExternalSystem(MOVER, new Request(Initiator.MEMBER, ID, "r"), null,
                "某团委", null, T0)).hasFieldOrPropertyWithValue("code", "EXTERNAL_SYSTEM_REQUIRED");
        assertThatThrownBy(() -> Transfer.toExternalSystem(MOVER, new Request(Initiator.MEMBER, ID, "r"),
                ExternalSystem.FUJIAN, "", null, T0)).hasFieldOrPropertyWithValue("code", "EXTERNAL_ORG_NAME_REQUIRED");
        assertThatThrownBy(() -> external(Initiator.IN_SIDE_ADMIN)).hasFieldOrPropertyWithValue("rule", "R-TR-9");
    }

    @Test
    @DisplayName("R-TR-11 destination types the aggregate decides: study abroad stays (no transfer), military goes to a special unit")
    void destinationTypes() {
        assertThatThrownBy(() -> Transfer.start(MOVER, new Request(Initiator.MEMBER, ID, "出国"), TARGET, true,
                DestinationType.STUDY_ABROAD, T0)).hasFieldOrPropertyWithValue("code", "STUDY_ABROAD_STAYS")
                .hasFieldOrPropertyWithValue("rule", "R-TR-11");
        assertThatThrownBy(() -> special(Initiator.MEMBER, "出国", DestinationType.STUDY_ABROAD))
                .hasFieldOrPropertyWithValue("code", "STUDY_ABROAD_STAYS");
        assertThatThrownBy(() -> Transfer.start(MOVER, new Request(Initiator.MEMBER, ID, "参军"), TARGET, true,
                DestinationType.MILITARY, T0)).hasFieldOrPropertyWithValue("code", "MILITARY_IS_SPECIAL_UNIT");
        Transfer job = Transfer.start(MOVER, new Request(Initiator.MEMBER, ID, "就业"), TARGET, true,
                DestinationType.JOB, T0).withId(3);
        assertThat(job.startEvents()).containsExactly(
                new TransferRequested(3, ID, 10, 20L, TransferKind.ORDINARY, DestinationType.JOB,
                        OUT_SIDE_APPROVAL));
    }
}
