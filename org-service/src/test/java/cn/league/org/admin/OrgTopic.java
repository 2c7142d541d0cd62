package cn.league.org.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import tools.jackson.databind.JsonNode;

/** Reads {@code league.org.events} from the start, with a consumer group of its own, until an event turns up. */
final class OrgTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<EventEnvelope<JsonNode>> seen = new ArrayList<>();

    OrgTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "admin-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(Topics.ORG_EVENTS));
    }

    /** The first event of this type whose data matches, waiting up to 20 s for it. */
    EventEnvelope<JsonNode> await(String type, Predicate<JsonNode> data) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var found = seen.stream().filter(event -> event.type().equals(type) && data.test(event.data())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type + " event arrived on " + Topics.ORG_EVENTS);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.value() != null) {
                    seen.add(EventJson.read(record.value()));
                }
            });
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
