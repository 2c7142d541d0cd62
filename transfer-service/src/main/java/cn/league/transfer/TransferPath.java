package cn.league.transfer;

import java.util.ArrayList;
import java.util.List;

import cn.league.contracts.transfer.TransferEvents.TransferStep;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.BRANCH_ASSIGNMENT;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.IN_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;

/**
 * The steps a transfer goes through, from who started it and what it goes to (FAQ 22, 23):
 * <ul>
 * <li>R-TR-2 办理转入 by the in-side's admin: the out-side approves; into a 团委/团工委/团总支 that body then assigns a
 * branch (FAQ 23 (2)).</li>
 * <li>R-TR-3 办理转出 by the out-side's admin: the in-side approves; to a 团委/团工委/团总支 its admin approves, then
 * assigns a branch.</li>
 * <li>Started by the member (FAQ 72 names the member as a possible initiator but gives no flow). <b>Decision</b>:
 * neither side has agreed yet, so both approve, the out-side first (it knows the member; FAQ 72 then has the member
 * "wait for the receiving side's answer"), then the in-side, then the branch assignment for a body.</li>
 * </ul>
 */
public final class TransferPath {

    private TransferPath() {
    }

    public static List<TransferStep> stepsFor(Initiator initiator, boolean toBranch) {
        List<TransferStep> steps = new ArrayList<>();
        switch (initiator) {
            case IN_SIDE_ADMIN -> steps.add(OUT_SIDE_APPROVAL);
            case OUT_SIDE_ADMIN -> steps.add(IN_SIDE_APPROVAL);
            case MEMBER -> {
                steps.add(OUT_SIDE_APPROVAL);
                steps.add(IN_SIDE_APPROVAL);
            }
        }
        if (!toBranch) {
            steps.add(BRANCH_ASSIGNMENT);
        }
        return List.copyOf(steps);
    }
}
