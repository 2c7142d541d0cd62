package cn.league.stats.opscentre;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.identity.IdentityEvents.IdentityVerified;
import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationRequested;
import cn.league.contracts.member.MemberEvents.ResetCodeIssued;
import cn.league.contracts.org.OrgEvents.MigrationApproved;
import cn.league.contracts.org.OrgEvents.MigrationRejected;
import cn.league.contracts.org.OrgEvents.MigrationRequested;
import cn.league.contracts.org.OrgEvents.MigrationWithdrawn;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferExpired;
import cn.league.contracts.transfer.TransferEvents.TransferRejected;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStepDone;
import cn.league.contracts.transfer.TransferEvents.TransferWithdrawn;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;
import cn.league.support.inbox.EventInbox;
import cn.league.support.outbox.OutboxRelay;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/**
 * Feeds the operation centre from member-, transfer-, org-, import- and identity-verification-service's events, each
 * event once.
 */
@Component
class OpsEventsListener {

    static final String CONSUMER = "stats-ops";

    private final EventInbox inbox;
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    OpsEventsListener(EventInbox inbox, OpsEffects effects) {
        this.inbox = inbox;
        this.handlers = Map.ofEntries(
                Map.entry(typeOf(RegistrationRequested.class), event -> effects.registrationRequested(
                        dataAs(event, RegistrationRequested.class), event.occurredAt())),
                Map.entry(typeOf(RegistrationClosed.class), event -> effects.closed(PendingKind.REGISTRATION,
                        dataAs(event, RegistrationClosed.class).registrationId())),
                Map.entry(typeOf(TransferRequested.class), event -> effects.transferRequested(
                        dataAs(event, TransferRequested.class), event.occurredAt())),
                Map.entry(typeOf(TransferStepDone.class), event -> {
                    TransferStepDone done = dataAs(event, TransferStepDone.class);
                    effects.transferStepDone(done.transferId(), done.nextStep(), event.occurredAt());
                }),
                Map.entry(typeOf(TransferApproved.class), event -> effects.transferEnded(
                        dataAs(event, TransferApproved.class).transferId(), null, null, event.occurredAt())),
                Map.entry(typeOf(TransferredOut.class), event -> effects.transferEnded(
                        dataAs(event, TransferredOut.class).transferId(), null, null, event.occurredAt())),
                Map.entry(typeOf(TransferWithdrawn.class), event -> effects.transferEnded(
                        dataAs(event, TransferWithdrawn.class).transferId(), null, null, event.occurredAt())),
                Map.entry(typeOf(TransferRejected.class), event -> {
                    TransferRejected rejected = dataAs(event, TransferRejected.class);
                    effects.transferEnded(rejected.transferId(), MessageKind.TRANSFER_REJECTED,
                            "组织关系转接已被退回:" + rejected.reason(), event.occurredAt());
                }),
                Map.entry(typeOf(TransferExpired.class), event -> effects.transferEnded(
                        dataAs(event, TransferExpired.class).transferId(), MessageKind.TRANSFER_EXPIRED,
                        "组织关系转接超过10天未处理,已自动终止并退回", event.occurredAt())),
                Map.entry(typeOf(MigrationRequested.class), event -> effects.migrationRequested(
                        dataAs(event, MigrationRequested.class), event.occurredAt())),
                Map.entry(typeOf(MigrationApproved.class), event -> {
                    MigrationApproved approved = dataAs(event, MigrationApproved.class);
                    effects.migrationApproved(approved.migrationId(), approved.approvedAs(), event.occurredAt());
                }),
                Map.entry(typeOf(MigrationRejected.class), event -> {
                    MigrationRejected rejected = dataAs(event, MigrationRejected.class);
                    effects.migrationEnded(rejected.migrationId(), rejected.orgId(), rejected.reason(),
                            event.occurredAt());
                }),
                Map.entry(typeOf(MigrationWithdrawn.class), event -> {
                    MigrationWithdrawn withdrawn = dataAs(event, MigrationWithdrawn.class);
                    effects.migrationEnded(withdrawn.migrationId(), withdrawn.orgId(), null, event.occurredAt());
                }),
                Map.entry(typeOf(ImportFinished.class), event -> effects.importFinished(
                        dataAs(event, ImportFinished.class), event.occurredAt())),
                Map.entry(typeOf(IdentityVerificationFailed.class), event -> effects.identityFailed(
                        dataAs(event, IdentityVerificationFailed.class), event.occurredAt())),
                Map.entry(typeOf(IdentityVerified.class), event -> effects.identityCleared(
                        dataAs(event, IdentityVerified.class).idNumber())),
                Map.entry(typeOf(IdentityDetailsChanged.class), event -> {
                    IdentityDetailsChanged changed = dataAs(event, IdentityDetailsChanged.class);
                    effects.identityCleared(changed.previousIdNumber());
                    effects.identityCleared(changed.idNumber());
                }),
                Map.entry(typeOf(PersonDeleted.class), event -> effects.identityCleared(
                        dataAs(event, PersonDeleted.class).idNumber())),
                Map.entry(typeOf(ResetCodeIssued.class), event -> effects.resetCodeIssued(
                        dataAs(event, ResetCodeIssued.class), event.occurredAt())));
    }

    @KafkaListener(topics = {Topics.MEMBER_EVENTS, Topics.TRANSFER_EVENTS, Topics.ORG_EVENTS, Topics.IMPORT_EVENTS,
            Topics.IDENTITY_EVENTS},
            groupId = "${spring.application.name}-ops", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> ours = records.stream().filter(this::mayBeOurs).toList();
        if (!ours.isEmpty()) {
            inbox.applyBatch(CONSUMER, ours, this::effectOf);
        }
    }

    /** The relay names the type in a header: an import's thousands of entries are passed over unread. */
    private boolean mayBeOurs(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(OutboxRelay.TYPE_HEADER);
        return record.value() != null
                && (type == null || handlers.containsKey(new String(type.value(), StandardCharsets.UTF_8)));
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
        return handler == null ? null : () -> handler.accept(event);
    }
}
