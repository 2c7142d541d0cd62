package cn.league.transfer;

import java.util.ArrayList;
import java.util.List;

import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferStep;

import static cn.league.contracts.transfer.TransferEvents.TransferStep.BRANCH_ASSIGNMENT;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.IN_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.OUT_SIDE_APPROVAL;
import static cn.league.contracts.transfer.TransferEvents.TransferStep.PROVINCIAL_APPROVAL;

/**
 * The steps a transfer goes through, from its kind, who started it and what it goes to (FAQ 22, 23, 69, 75):
 * <ul>
 * <li>R-TR-2 办理转入 by the in-side's admin: the out-side approves; into a 团委/团工委/团总支 that body then assigns a
 * branch (FAQ 23 (2)).</li>
 * <li>R-TR-3 办理转出 by the out-side's admin: the in-side approves; to a 团委/团工委/团总支 its admin approves, then
 * assigns a branch.</li>
 * <li>Started by the member (FAQ 72 names the member as a possible initiator but gives no flow). <b>Decision</b>:
 * neither side has agreed yet, so both approve, the out-side first (it knows the member; FAQ 72 then has the member
 * "wait for the receiving side's answer"), then the in-side, then the branch assignment for a body.</li>
 * <li>R-TR-4 a committee's batch move: no step at all (FAQ 23 (1) 无需审批).</li>
 * <li>R-TR-8 a special unit: the out-side's provincial-level org approves, nobody else (FAQ 75).</li>
 * <li>R-TR-9 a system outside: <b>Decision</b> — FAQ 69/70 name no approver and nobody in this system receives
 * it, so the out-side (old branch or its direct parent, as in FAQ 22) approves.</li>
 * </ul>
 */
public final class TransferPath {

    private TransferPath() {
    }

    public static List<TransferStep> stepsFor(TransferKind kind, Initiator initiator, boolean toBranch) {
        return switch (kind) {
            case COMMITTEE_BATCH -> List.of();
            case SPECIAL_UNIT -> List.of(PROVINCIAL_APPROVAL);
            case EXTERNAL -> List.of(OUT_SIDE_APPROVAL);
            case ORDINARY -> ordinary(initiator, toBranch);
        };
    }

    private static List<TransferStep> ordinary(Initiator initiator, boolean toBranch) {
        List<TransferStep> steps = new ArrayList<>();
        switch (initiator) {
            case IN_SIDE_ADMIN -> steps.add(OUT_SIDE_APPROVAL);
            case OUT_SIDE_ADMIN -> steps.add(IN_SIDE_APPROVAL);
            case MEMBER -> {
                steps.add(OUT_SIDE_APPROVAL);
                steps.add(IN_SIDE_APPROVAL);
            }
            case COMMITTEE_ADMIN -> throw new IllegalArgumentException("a committee's move is a batch move");
        }
        if (!toBranch) {
            steps.add(BRANCH_ASSIGNMENT);
        }
        return List.copyOf(steps);
    }
}
