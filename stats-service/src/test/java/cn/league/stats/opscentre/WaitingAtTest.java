package cn.league.stats.opscentre;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.transfer.TransferEvents.TransferStep;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingAtTest {

    static final OrgSnapshot FROM = org(100, 10L, OrgType.BRANCH, 2L);
    static final OrgSnapshot TO_BRANCH = org(200, 20L, OrgType.BRANCH, 3L);
    static final OrgSnapshot TO_BODY = org(300, 20L, OrgType.COMMITTEE, 3L);

    private static OrgSnapshot org(long id, Long parentId, OrgType type, Long treeRootId) {
        return new OrgSnapshot(id, parentId, "1." + id, type, null, null, null, "组织" + id, null, "33", treeRootId,
                null);
    }

    @Test
    @DisplayName("R-OPS-1 FAQ 22 an approval waits for the branch's admins and its direct parent's")
    void approvals() {
        assertThat(WaitingAt.transferStep(TransferStep.OUT_SIDE_APPROVAL, FROM, TO_BRANCH))
                .isEqualTo(new WaitingAt(100, 10L));
        assertThat(WaitingAt.transferStep(TransferStep.IN_SIDE_APPROVAL, FROM, TO_BRANCH))
                .isEqualTo(new WaitingAt(200, 20L));
        assertThat(WaitingAt.transferStep(TransferStep.IN_SIDE_APPROVAL, FROM, TO_BODY))
                .as("a body approves for itself").isEqualTo(new WaitingAt(300, null));
    }

    @Test
    @DisplayName("R-OPS-1 R-TR-3 R-TR-8 a branch choice waits for the body, a special unit for the out-side's provincial-level org")
    void assignmentAndSpecialUnit() {
        assertThat(WaitingAt.transferStep(TransferStep.BRANCH_ASSIGNMENT, FROM, TO_BODY))
                .isEqualTo(new WaitingAt(300, null));
        assertThat(WaitingAt.transferStep(TransferStep.PROVINCIAL_APPROVAL, FROM, null))
                .isEqualTo(new WaitingAt(2, null));
    }
}
