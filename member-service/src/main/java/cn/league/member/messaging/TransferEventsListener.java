package cn.league.member.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferClosed;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
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
                typeOf(TransferClosed.class), event -> effects.closed(dataAs(event, TransferClosed.class)),
                typeOf(TransferredOut.class),
                event -> effects.transferredOut(dataAs(event, TransferredOut.class), event.occurredAt()));
    }

    @KafkaListener(topics = Topics.TRANSFER_EVENTS, groupId = "${spring.application.name}-transfer-effects")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() != null) {
            apply(EventJson.read(record.value()));
        }
    }

    /** @return whether the event changed anything now (false: not ours, or applied before) */
    boolean apply(EventEnvelope<JsonNode> event) {
        Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
        return handler != null && inbox.applyOnce(CONSUMER, event, () -> handler.accept(event));
    }
}
