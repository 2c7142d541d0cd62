package cn.league.org.school;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import cn.league.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code league.org.events} from the start with a consumer group of its own. */
final class OrgEventsReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    OrgEventsReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "school-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(Topics.ORG_EVENTS));
    }

    /** Polls until {@code enough} holds for the events of this type seen so far, or the time is up. */
    List<Event> read(String type, Predicate<List<Event>> enough, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && !enough.test(ofType(type))) {
            poll();
        }
        return ofType(type);
    }

    /** Everything of this type that arrives within {@code during}. */
    List<Event> readFor(String type, Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return ofType(type);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Event(record.key(), JSON.readTree(record.value())));
        }
    }

    private List<Event> ofType(String type) {
        return seen.stream().filter(event -> event.envelope().path("type").asString().equals(type)).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }

    record Event(String key, JsonNode envelope) {

        JsonNode data() {
            return envelope.path("data");
        }
    }
}
