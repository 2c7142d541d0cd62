package cn.league.transfer;

import java.time.Instant;
import java.util.List;

import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferStep;

/** A transfer as every endpoint answers it; an open one with its deadline and days left (R-TR-5). */
public record TransferView(long id, String idNumber, String name, Initiator initiator, String startedBy,
                           String reason, long fromBranchId, Long targetOrgId, Long toBranchId,
                           List<TransferStep> steps, TransferStep currentStep, TransferState state, Instant startedAt,
                           Instant stepSince, Instant expiresAt, Long daysLeft, Instant closedAt, String endedBy,
                           String endReason, TransferKind kind, DestinationType destinationType,
                           ExternalSystem externalSystem, String destinationNote) {

    public static TransferView of(Transfer t, Instant now) {
        boolean open = t.state().open();
        return new TransferView(t.id(), t.idNumber(), t.name(), t.initiator(), t.startedBy(), t.reason(),
                t.fromBranchId(), t.targetOrgId(), t.toBranchId(), t.steps(), t.currentStep(), t.state(),
                t.startedAt(), open ? t.stepSince() : null, open ? TransferDeadline.expiresAt(t.stepSince()) : null,
                open ? TransferDeadline.daysLeft(t.stepSince(), now) : null, t.closedAt(), t.endedBy(), t.endReason(),
                t.kind(), t.destination().type(), t.destination().externalSystem(), t.destination().note());
    }
}
