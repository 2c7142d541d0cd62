package cn.league.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the envelope's wire form: a change here breaks every consumer. */
class EventEnvelopeJsonTest {

    @EventType("SampleHappened.v1")
    record SampleHappened(String orgId, int count) {
    }

    @EventType("OtherHappened.v1")
    record OtherHappened(String orgId) {
    }

    private final EventEnvelope<SampleHappened> envelope = new EventEnvelope<>(
            UUID.fromString("0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10"), "SampleHappened.v1",
            Instant.parse("2026-11-27T08:00:00Z"), "org-42", "1.3.42",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", new SampleHappened("org-42", 3));

    @Test
    void envelopeJsonIsPinned() {
        assertThat(EventJson.write(envelope)).isEqualTo("""
                {"eventId":"0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10","type":"SampleHappened.v1",\
                "occurredAt":"2026-11-27T08:00:00Z","aggregateId":"org-42","orgPath":"1.3.42",\
                "traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",\
                "data":{"orgId":"org-42","count":3}}""");
    }

    @Test
    void theUtf8FormIsTheTextFormEncoded() {
        var chinese = new EventEnvelope<>(envelope.eventId(), "OtherHappened.v1", envelope.occurredAt(),
                "团委\t\"42\"", null, null, new OtherHappened("北京\\市"));

        assertThat(new String(EventJson.writeUtf8(chinese), StandardCharsets.UTF_8))
                .isEqualTo(EventJson.write(chinese));
    }

    @Test
    void readsBackWhatItWrote() {
        var read = EventJson.read(EventJson.write(envelope));

        assertThat(read.eventId()).isEqualTo(envelope.eventId());
        assertThat(read.occurredAt()).isEqualTo(envelope.occurredAt());
        assertThat(read.orgPath()).isEqualTo("1.3.42");
        assertThat(EventJson.dataAs(read, SampleHappened.class)).isEqualTo(new SampleHappened("org-42", 3));
    }

    @Test
    void readsOnlyTheDataWhenAskedFor() {
        assertThat(EventJson.dataOf(EventJson.write(envelope), SampleHappened.class))
                .isEqualTo(new SampleHappened("org-42", 3));
        assertThat(EventJson.dataOf("""
                {"eventId":"0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10","extra":{"nested":[1,{"data":2}]},\
                "data":{"orgId":"org-42","count":3,"addedLater":"x"},"type":"SampleHappened.v1"}""",
                SampleHappened.class)).isEqualTo(new SampleHappened("org-42", 3));
        assertThatThrownBy(() -> EventJson.dataOf("{\"eventId\":\"x\"}", SampleHappened.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleratesFieldsAddedByNewerProducersAndMissingOptionalFields() {
        var read = EventJson.read("""
                {"eventId":"0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10","type":"SampleHappened.v1",\
                "occurredAt":"2026-11-27T08:00:00Z","aggregateId":"org-42","extra":true,\
                "data":{"orgId":"org-42","count":3,"addedLater":"x"}}""");

        assertThat(read.orgPath()).isNull();
        assertThat(read.traceparent()).isNull();
        assertThat(EventJson.dataAs(read, SampleHappened.class).count()).isEqualTo(3);
    }

    @Test
    void refusesToReadDataAsAnotherType() {
        var read = EventJson.read(EventJson.write(envelope));

        assertThatThrownBy(() -> EventJson.dataAs(read, OtherHappened.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SampleHappened.v1");
    }

    @Test
    void wrapTakesTheTypeFromTheAnnotation() {
        var wrapped = EventEnvelope.wrap(new SampleHappened("o", 1), "o", null, null, Instant.EPOCH);

        assertThat(wrapped.type()).isEqualTo("SampleHappened.v1");
        assertThatThrownBy(() -> EventEnvelope.wrap("not an event", "o", null, null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
