package cn.league.transfer;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the JSON of the events transfer-service added: a change here breaks consumers. */
class TransferEventsJsonTest {

    private static final String ID = "11010119950315123X";

    private static String data(Object event) {
        String json = EventJson.write(new EventEnvelope<>(UUID.fromString("0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10"),
                EventEnvelope.typeOf(event.getClass()), Instant.parse("2027-06-01T00:00:00Z"), ID, null, null, event));
        assertThat(EventJson.dataAs(EventJson.read(json), event.getClass())).isEqualTo(event);
        return EventJson.read(json).data().toString();
    }

    @Test
    void stepEvents() {
        assertThat(data(new TransferStepDone(9, ID, TransferStep.IN_SIDE_APPROVAL, "A", TransferStep.BRANCH_ASSIGNMENT,
                null))).isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"step\":\"IN_SIDE_APPROVAL\","
                + "\"actedBy\":\"A\",\"nextStep\":\"BRANCH_ASSIGNMENT\",\"assignedBranchId\":null}");
        assertThat(data(new TransferRejected(9, ID, TransferStep.OUT_SIDE_APPROVAL, "A", "不符合")))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"step\":\"OUT_SIDE_APPROVAL\","
                        + "\"rejectedBy\":\"A\",\"reason\":\"不符合\"}");
        assertThat(data(new TransferWithdrawn(9, ID, ID)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"withdrawnBy\":\"" + ID + "\"}");
        assertThat(data(new TransferStepDone(9, ID, TransferStep.PROVINCIAL_APPROVAL, "P", null, null)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"step\":\"PROVINCIAL_APPROVAL\","
                        + "\"actedBy\":\"P\",\"nextStep\":null,\"assignedBranchId\":null}");
        assertThat(data(new TransferExpired(9, ID, TransferStep.BRANCH_ASSIGNMENT)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"step\":\"BRANCH_ASSIGNMENT\"}");
    }
}
