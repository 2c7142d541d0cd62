package cn.league.identity.support;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.test.TestKafka;

/** Puts facts on league.member.events as member-service does: an envelope keyed by the person's ID number. */
public final class MemberEventsFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    public void send(String idNumber, Object event) {
        EventEnvelope<Object> envelope = EventEnvelope.wrap(event, idNumber, null, null, Instant.now());
        try {
            producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS, idNumber, EventJson.write(envelope))).get();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
