package cn.league.transfer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.support.outbox.Outbox.Publication;
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
            outbox.publish(Topics.TRANSFER_EVENTS, event, transfer.idNumber(), pathOf(transfer, event));
        }
    }

    /** The events of many moves in one statement, in order (the expiry job's batches). */
    public void publishAll(List<Transfer.Change> changes) {
        List<Publication> publications = new ArrayList<>();
        for (Transfer.Change change : changes) {
            for (Object event : change.events()) {
                publications.add(new Publication(event, change.after().idNumber(), pathOf(change.after(), event)));
            }
        }
        outbox.publishAll(Topics.TRANSFER_EVENTS, publications);
    }

    private static String pathOf(Transfer transfer, Object event) {
        return event instanceof TransferApproved ? transfer.targetPath() : transfer.fromPath();
    }
}
