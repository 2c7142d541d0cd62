package cn.league.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Event ids ordered by time (UUID version 7, RFC 9562): the first 48 bits are the event's millisecond, the rest is
 * random as in a version 4 id. Consumers record every id they apply ({@code platform.consumed_event}, keyed by
 * consumer and id): time-ordered ids go in at the end of that index instead of at a random place, and "everything
 * older than Kafka's retention" is one range of it, which is how the table is pruned.
 */
public final class EventIds {

    private static final long VERSION_7 = 0x7000L;

    private EventIds() {
    }

    /** A new id for an event that occurred at {@code when}. */
    public static UUID at(Instant when) {
        UUID random = UUID.randomUUID(); // variant bits already RFC 9562's; the randomness of SecureRandom
        long msb = (when.toEpochMilli() << 16) | VERSION_7 | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(msb, random.getLeastSignificantBits());
    }

    /** The lowest version 7 id of {@code when}'s millisecond: every id of an earlier event sorts below it. */
    public static UUID floor(Instant when) {
        return new UUID((when.toEpochMilli() << 16) | VERSION_7, 0x8000_0000_0000_0000L);
    }

    /** The millisecond a version 7 id was made for. */
    public static Instant instantOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is not time-ordered (version " + id.version() + ")");
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
