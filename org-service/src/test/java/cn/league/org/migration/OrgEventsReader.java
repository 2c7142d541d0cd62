package cn.league.org.migration;

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

import cn.league.contracts.Topics;
import cn.league.test.TestKafka;

/** Reads {@code league.org.events} from the start, with a consumer group of its own. */
final class OrgEventsReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "migration-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    OrgEventsReader() {
        consumer.subscribe(List.of(Topics.ORG_EVENTS));
    }

    /** Polls until a record matches or the time is up. */
    Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && seen.stream().noneMatch(wanted)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(wanted).findFirst();
    }

    List<ConsumerRecord<String, String>> seen() {
        return seen;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
