package cn.league.contracts;

import java.time.format.DateTimeParseException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;

import cn.league.contracts.member.MemberEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event readers every consumer runs on whatever arrives on a topic (issue 16 item 9, Jazzer): an envelope is
 * read or refused with a parse or argument error (the consumer's error handler retries and parks it), never
 * anything else: no other exception, no stack overflow, no hang. Fuzzed for a bounded time by the test command,
 * longer with {@code -Pfuzz} (README: tests).
 */
class EventJsonFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyTextIsAnEnvelopeOrRefused(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        try {
            EventEnvelope<tools.jackson.databind.JsonNode> envelope = EventJson.read(json);
            assertThat(envelope.eventId()).isNotNull();
            assertThat(envelope.data()).isNotNull();
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException | NullPointerException refused) {
            expectedRefusal(refused);
        }
        try {
            EventJson.dataOf(json, MemberEvents.PersonDeleted.class);
        } catch (JacksonException | IllegalArgumentException refused) {
            expectedRefusal(refused);
        }
    }

    /** A refusal the envelope's own checks make (required fields, record constructors) or the JSON parser makes. */
    private static void expectedRefusal(RuntimeException refused) {
        if (refused instanceof NullPointerException missing) {
            // EventEnvelope refuses a missing required field with its name (Objects.requireNonNull)
            assertThat(missing.getMessage()).isIn("eventId", "type", "occurredAt", "aggregateId", "data");
        }
    }
}
