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
import cn.league.contracts.org.OrgEvents.AdminRegistered;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgEvents.SecretaryAppointed;
import cn.league.contracts.org.OrgEvents.SubtreeMoved;
import cn.league.support.inbox.EventInbox;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/**
 * Applies org-service's facts to people (not to the tree: the replica does that with its own consumer group),
 * each event once, so a redelivery or a replay changes nothing.
 */
@Component
class OrgEffectsListener {

    static final String CONSUMER = "member-org-effects";

    private final EventInbox inbox;
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    OrgEffectsListener(EventInbox inbox, OrgEffects effects) {
        this.inbox = inbox;
        this.handlers = Map.of(
                typeOf(OrgDeleted.class), event -> effects.orgDeleted(dataAs(event, OrgDeleted.class)),
                typeOf(SubtreeMoved.class), event -> effects.subtreeMoved(dataAs(event, SubtreeMoved.class)),
                typeOf(BranchesGraduated.class),
                event -> effects.branchesGraduated(dataAs(event, BranchesGraduated.class)),
                typeOf(SecretaryAppointed.class),
                event -> effects.secretaryAppointed(dataAs(event, SecretaryAppointed.class)),
                typeOf(AdminRegistered.class),
                event -> effects.adminRegistered(dataAs(event, AdminRegistered.class)));
    }

    @KafkaListener(topics = Topics.ORG_EVENTS, groupId = "${spring.application.name}-org-effects")
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
