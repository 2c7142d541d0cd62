package cn.league.member.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.support.inbox.EventInbox;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/** Applies transfer-service's facts, each event once, so a redelivery or a replay changes nothing. */
@Component
class TransferEventsListener {

    static final String CONSUMER = "member-transfer-effects";

    private final EventInbox inbox;
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    TransferEventsListener(EventInbox inbox, TransferEffects effects) {
        this.inbox = inbox;
        this.handlers = Map.of(
                typeOf(TransferRequested.class), event -> effects.requested(dataAs(event, TransferRequested.class)),
                typeOf(TransferApproved.class), event -> effects.approved(dataAs(event, TransferApproved.class)),
                typeOf(TransferRejected.class),
                event -> effects.closed(dataAs(event, TransferRejected.class).transferId()),
                typeOf(TransferWithdrawn.class),
                event -> effects.closed(dataAs(event, TransferWithdrawn.class).transferId()),
                typeOf(TransferExpired.class),
                event -> effects.closed(dataAs(event, TransferExpired.class).transferId()),
                typeOf(TransferredOut.class),
                event -> effects.transferredOut(dataAs(event, TransferredOut.class), event.occurredAt()));
    }

    /**
     * One consumer per partition of the topic (3 here): a person's events share a key, so they stay in order. A
     * poll's records are applied in one transaction: at hundreds of approvals a second one commit per event was
     * the queue that delayed the moves (issue 6's benchmark).
     */
    @KafkaListener(topics = Topics.TRANSFER_EVENTS, groupId = "${spring.application.name}-transfer-effects",
            concurrency = "${league.transfer-effects.concurrency:3}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.applyBatch(CONSUMER, records, this::effectOf);
    }

    /** @return whether the event changed anything now (false: not ours, or applied before) */
    boolean apply(EventEnvelope<JsonNode> event) {
        Runnable effect = effectOf(event);
        return effect != null && inbox.applyOnce(CONSUMER, event, effect);
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
        return handler == null ? null : () -> handler.accept(event);
    }
}
