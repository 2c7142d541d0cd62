package cn.league.orgreplica;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.AdminRevoked;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgEvents.SubtreeMoved;
import cn.league.support.inbox.EventInbox;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/**
 * Applies org-service's facts to the replica, each event once ({@link EventInbox}), so a redelivery or a
 * replay of the topic changes nothing. Types it does not know (newer versions, other facts) are skipped.
 */
class OrgEventsListener {

    /** The inbox consumer name: one replica per service database. */
    static final String CONSUMER = "org-replica";

    private static final Logger log = LoggerFactory.getLogger(OrgEventsListener.class);

    private final EventInbox inbox;
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    OrgEventsListener(EventInbox inbox, OrgReplicaStore store) {
        this.inbox = inbox;
        this.handlers = Map.of(
                typeOf(OrgCreated.class), event -> store.upsert(dataAs(event, OrgCreated.class).org()),
                typeOf(OrgChanged.class), event -> store.upsert(dataAs(event, OrgChanged.class).org()),
                typeOf(OrgDeleted.class), event -> store.delete(dataAs(event, OrgDeleted.class).orgId()),
                typeOf(SubtreeMoved.class), event -> {
                    SubtreeMoved moved = dataAs(event, SubtreeMoved.class);
                    store.moveSubtree(moved.orgId(), moved.newParentId(), moved.oldPath(), moved.newPath());
                },
                typeOf(AdminGranted.class), event -> {
                    AdminGranted granted = dataAs(event, AdminGranted.class);
                    store.grantAdmin(granted.orgId(), granted.idNumber());
                },
                typeOf(AdminRevoked.class), event -> {
                    AdminRevoked revoked = dataAs(event, AdminRevoked.class);
                    store.revokeAdmin(revoked.orgId(), revoked.idNumber());
                },
                typeOf(BranchesGraduated.class),
                event -> store.graduate(dataAs(event, BranchesGraduated.class).orgIds()));
    }

    @KafkaListener(topics = Topics.ORG_EVENTS, groupId = "${spring.application.name}-org-replica")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        EventEnvelope<JsonNode> event = EventJson.read(record.value());
        Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
        if (handler == null) {
            log.debug("org replica skips {} {}", event.type(), event.eventId());
            return;
        }
        inbox.applyOnce(CONSUMER, event, () -> handler.accept(event));
    }
}
