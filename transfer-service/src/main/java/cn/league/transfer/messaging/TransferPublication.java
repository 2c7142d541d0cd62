package cn.league.transfer.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.transfer.Transfer;
import cn.league.support.outbox.Outbox;

/** Puts the events a transfer's move caused on {@code league.transfer.events}, keyed by the person's ID number. */
@Component
public class TransferPublication {

    private final Outbox outbox;

    TransferPublication(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Inside the move's transaction; the approval is placed where the membership lands, the rest where it is. */
    public void publish(Transfer transfer, List<Object> events) {
        for (Object event : events) {
            String path = event instanceof TransferApproved ? transfer.targetPath() : transfer.fromPath();
            outbox.publish(Topics.TRANSFER_EVENTS, event, transfer.idNumber(), path);
        }
    }
}
