package cn.league.contracts;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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
    // reads a value in the midst of an envelope, the envelope's closing brace after it
    private static final ObjectReader IN_ENVELOPE = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    /**
     * Only an envelope's data, as {@code eventClass}, read in one pass without the envelope's other fields: for a
     * consumer that sees many events and needs the whole envelope of few (it reads those with {@link #read}). The
     * caller knows the type, e.g. from the relay's {@code eventType} header.
     */
    public static <T> T dataOf(String json, Class<T> eventClass) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    boolean data = "data".equals(parser.currentName());
                    parser.nextToken();
                    if (data) {
                        return IN_ENVELOPE.forType(eventClass).readValue(parser);
                    }
                    parser.skipChildren();
                }
            }
        }
        throw new IllegalArgumentException("not an event envelope with data: " + json);
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
