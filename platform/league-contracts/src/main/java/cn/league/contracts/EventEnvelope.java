package cn.league.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every league topic.
 *
 * @param eventId     unique per fact, ordered by time ({@link EventIds}); consumers record it to apply each fact once
 * @param type        the data's {@link EventType}, e.g. {@code MemberImported.v1}
 * @param occurredAt  when the fact happened
 * @param aggregateId the org, person or transfer the fact is about; also the Kafka key
 * @param orgPath     where in the org tree it happened (materialised path), for scoping
 * @param traceparent W3C trace context of the request that caused it, or null
 * @param data        the event itself
 */
public record EventEnvelope<T>(UUID eventId, String type, Instant occurredAt, String aggregateId,
                               String orgPath, String traceparent, T data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an event record annotated with {@link EventType} in a new envelope. */
    public static <T> EventEnvelope<T> wrap(T data, String aggregateId, String orgPath, String traceparent,
                                            Instant occurredAt) {
        return new EventEnvelope<>(EventIds.at(occurredAt), typeOf(data.getClass()), occurredAt, aggregateId, orgPath,
                traceparent, data);
    }

    public static String typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type.value();
    }
}
