package cn.league.stats.opscentre;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.transfer.TransferEvents.TransferStep;

/**
 * Whose admins a transfer step waits for (R-TR-2, R-TR-3, R-TR-8, FAQ 22), as transfer-service decides it: the
 * out-side's branch for its approval, the in-side's org for its approval and a body's branch choice, the out-side's
 * provincial-level org for a special unit; the direct parent of the branch acts for it where FAQ 22 says so.
 *
 * @param orgId  the org whose admins act
 * @param parentOrgId the org whose admins may act instead, or null
 */
record WaitingAt(long orgId, Long parentOrgId) {

    /** @param from the out-side branch; @param to the in-side org, or null when the transfer leaves the tree */
    static WaitingAt transferStep(TransferStep step, OrgSnapshot from, OrgSnapshot to) {
        return switch (step) {
            case OUT_SIDE_APPROVAL -> new WaitingAt(from.id(), from.parentId());
            case IN_SIDE_APPROVAL -> new WaitingAt(to.id(), to.type().isBranch() ? to.parentId() : null);
            case BRANCH_ASSIGNMENT -> new WaitingAt(to.id(), null);
            case PROVINCIAL_APPROVAL -> new WaitingAt(from.treeRootId() == null ? from.id() : from.treeRootId(), null);
        };
    }
}
