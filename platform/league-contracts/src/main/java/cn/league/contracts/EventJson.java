package cn.league.contracts;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events, used by every producer and consumer so that the pinned
 * contract tests describe exactly what is on the wire.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // consumers must survive fields added by newer producers of the same version
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /** {@link #write} as UTF-8, for a writer that sends bytes: the text form would be encoded once more. */
    public static byte[] writeUtf8(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    /** Reads the envelope and leaves its data as a tree; see {@link #dataAs}. */
    public static EventEnvelope<JsonNode> read(String json) {
        JsonNode tree = MAPPER.readTree(json);
        return new EventEnvelope<>(
                UUID.fromString(tree.required("eventId").asString()),
                tree.required("type").asString(),
                Instant.parse(tree.required("occurredAt").asString()),
                tree.required("aggregateId").asString(),
                optionalText(tree, "orgPath"),
                optionalText(tree, "traceparent"),
                tree.required("data"));
    }

    private static String optionalText(JsonNode tree, String field) {
        JsonNode node = tree.path(field);
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    /** Converts an envelope's data to the record registered for its type; refuses another type. */
    public static <T> T dataAs(EventEnvelope<JsonNode> envelope, Class<T> eventClass) {
        String expected = EventEnvelope.typeOf(eventClass);
        if (!expected.equals(envelope.type())) {
            throw new IllegalArgumentException("event " + envelope.eventId() + " is " + envelope.type()
                    + ", not " + expected);
        }
        return MAPPER.treeToValue(envelope.data(), eventClass);
    }
}
