package cn.league.transfer.approverview;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.transfer.Transfer.Action;
import cn.league.transfer.Transfer.Entry;
import cn.league.transfer.TransferRefusal;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApproverViewRuleTest {

    static final Instant AT = Instant.parse("2026-06-01T08:00:00Z");
    static final List<Entry> HISTORY = List.of(
            new Entry(Action.STARTED, null, "INITIATOR", AT, "工作调动", null),
            new Entry(Action.APPROVED, OUT_SIDE_APPROVAL, "APPROVER", AT, null, null));

    @Test
    @DisplayName("R-TR-13 whoever may act on the current step reads the approver view")
    void currentApprover() {
        assertThatCode(() -> ApproverViewRule.requireApprover("ANYONE", true, HISTORY)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-TR-13 whoever decided a step keeps reading it; starting a transfer is not deciding")
    void pastDecisions() {
        assertThat(ApproverViewRule.decidedBy("approver", HISTORY)).as("ID numbers in any letter case").isTrue();
        assertThat(ApproverViewRule.decidedBy("INITIATOR", HISTORY)).isFalse();
        assertThatThrownBy(() -> ApproverViewRule.requireApprover("INITIATOR", false, HISTORY))
                .isInstanceOfSatisfying(TransferRefusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("NOT_APPROVER");
                    assertThat(refusal.rule()).isEqualTo("R-TR-13");
                    assertThat(refusal.kind()).isEqualTo(TransferRefusal.Kind.FORBIDDEN);
                });
    }
}
