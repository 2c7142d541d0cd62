package cn.league.stats.support;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.support.outbox.OutboxRelay;

/** Records as member-service's outbox relay sends them: keyed by the person, with the event's id and type headers. */
public final class RelayedEvents {

    private RelayedEvents() {
    }

    public static ProducerRecord<String, String> record(String topic, EventEnvelope<?> event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.write(event));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(OutboxRelay.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
