package cn.league.org.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;
import tools.jackson.databind.JsonNode;

/** {@code league.org.events} as the tests read it: a {@link TopicReader} from the start, and the envelopes on it. */
public final class OrgEvents {

    private OrgEvents() {
    }

    /** A reader of {@code league.org.events} from the start, with a consumer group of its own. */
    public static TopicReader reader() {
        return new TopicReader(TestKafka.bootstrapServers(), Topics.ORG_EVENTS);
    }

    public static EventEnvelope<JsonNode> envelope(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value());
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        return envelope(record).data();
    }

    public static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream().filter(record -> isType(record, type)).toList();
    }

    /** Polls until {@code enough} holds for the events of this type read so far, or the time is up; those events. */
    public static List<ConsumerRecord<String, String>> read(TopicReader reader, String type,
                                                            Predicate<List<ConsumerRecord<String, String>>> enough,
                                                            Duration atMost) {
        return ofType(reader.readUntil(seen -> enough.test(ofType(seen, type)), atMost), type);
    }

    /** Every event of this type read by the end of {@code during}. */
    public static List<ConsumerRecord<String, String>> readFor(TopicReader reader, String type, Duration during) {
        return ofType(reader.readFor(during), type);
    }

    /** The first event of this type whose data matches, waiting up to 20 s for it; fails the test when none comes. */
    public static EventEnvelope<JsonNode> await(TopicReader reader, String type, Predicate<JsonNode> data) {
        return reader.await(record -> isType(record, type) && data.test(data(record)), Duration.ofSeconds(20))
                .map(OrgEvents::envelope)
                .orElseThrow(() -> new AssertionError("no " + type + " event arrived on " + Topics.ORG_EVENTS));
    }

    private static boolean isType(ConsumerRecord<String, String> record, String type) {
        return record.value() != null && record.value().contains(type) && envelope(record).type().equals(type);
    }
}
