package cn.league.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start with a consumer group of its own. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, after polling until {@code until} has passed. */
    public List<ConsumerRecord<String, String>> readFor(Duration until) {
        long deadline = System.nanoTime() + until.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return seen;
    }

    /** Polls until a record with this value fragment arrives or the time is up. */
    public List<ConsumerRecord<String, String>> readUntilContains(String fragment, Duration atMost) {
        return readUntil(records -> records.stream().anyMatch(r -> r.value().contains(fragment)), atMost);
    }

    /** Polls until {@code enough} holds for everything read so far, or the time is up; returns everything read. */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> enough,
                                                          Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && !enough.test(seen)) {
            poll();
        }
        return seen;
    }

    /** Polls until a record matches or the time is up; the first that matches. */
    public Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted,
                                                         Duration atMost) {
        return readUntil(records -> records.stream().anyMatch(wanted), atMost).stream().filter(wanted).findFirst();
    }

    /** Everything read so far, without polling. */
    public List<ConsumerRecord<String, String>> seen() {
        return seen;
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
