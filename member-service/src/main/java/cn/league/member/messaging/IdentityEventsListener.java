package cn.league.member.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.identity.IdentityEvents.IdentityVerified;
import cn.league.member.person.Person.Verification;
import cn.league.support.inbox.EventInbox;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/**
 * Keeps the identity check's status (R-ID-1) that profiles and lists show, from identity-verification-service's
 * verdicts, each event once. A verdict on details the person no longer has (edited since, R-ID-2) is ignored: the
 * edit reset the status to UNVERIFIED and the new details are being checked.
 */
@Component
class IdentityEventsListener {

    static final String CONSUMER = "member-identity-status";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    IdentityEventsListener(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "${spring.application.name}-identity-status",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.applyBatch(CONSUMER, records, this::effectOf);
    }

    /** @return whether the event changed anything now (false: not ours, or applied before) */
    boolean apply(EventEnvelope<JsonNode> event) {
        Runnable effect = effectOf(event);
        return effect != null && inbox.applyOnce(CONSUMER, event, effect);
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        if (event.type().equals(typeOf(IdentityVerified.class))) {
            IdentityVerified verified = dataAs(event, IdentityVerified.class);
            return () -> checked(verified.idNumber(), verified.name(), Verification.PASSED, null,
                    verified.checkedAt());
        }
        if (event.type().equals(typeOf(IdentityVerificationFailed.class))) {
            IdentityVerificationFailed failed = dataAs(event, IdentityVerificationFailed.class);
            return () -> checked(failed.idNumber(), failed.name(), Verification.FAILED, failed.reason(),
                    failed.checkedAt());
        }
        return null;
    }

    private void checked(String idNumber, String name, Verification status, String reason, Instant checkedAt) {
        jdbc.sql("""
                        update person set verification = ?, verification_reason = ?, verified_at = ?
                         where id_number = ? and name = ? and (verified_at is null or verified_at <= ?)""")
                .params(status.name(), reason, Timestamp.from(checkedAt), idNumber.toUpperCase(Locale.ROOT), name,
                        Timestamp.from(checkedAt))
                .update();
    }
}
