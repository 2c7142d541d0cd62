package cn.league.contracts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    static final Instant AT = Instant.parse("2026-12-02T10:15:30.123Z");

    @Test
    void anIdIsVersion7WithTheEventsMillisecond() {
        UUID id = EventIds.at(AT);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(EventIds.instantOf(id)).isEqualTo(AT);
    }

    @Test
    void idsSortByTimeAsPostgreSqlComparesThem() {
        // PostgreSQL orders uuid bytewise, as an unsigned comparison of the two halves does
        UUID earlier = EventIds.at(AT);
        UUID later = EventIds.at(AT.plusMillis(1));

        assertThat(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()))
                .isNegative();
        assertThat(Long.compareUnsigned(EventIds.floor(AT).getMostSignificantBits(),
                earlier.getMostSignificantBits())).isLessThanOrEqualTo(0);
        assertThat(Long.compareUnsigned(EventIds.at(AT.minusMillis(1)).getMostSignificantBits(),
                EventIds.floor(AT).getMostSignificantBits())).as("an earlier event's id is below the floor")
                .isNegative();
    }

    @Test
    void idsOfOneMillisecondStayUnique() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.at(AT));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void aWrappedEventGetsATimeOrderedId() {
        @EventType("Noted.v1")
        record Noted(String note) {
        }
        EventEnvelope<Noted> event = EventEnvelope.wrap(new Noted("x"), "1", null, null, AT);

        assertThat(EventIds.instantOf(event.eventId())).isEqualTo(AT);
    }
}
