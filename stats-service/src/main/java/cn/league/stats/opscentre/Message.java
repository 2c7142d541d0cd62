package cn.league.stats.opscentre;

import java.time.Instant;

/** A system message (系统消息) to an org's admins (R-OPS-1). */
public record Message(long id, long orgId, MessageKind kind, String text, Instant occurredAt) {
}
