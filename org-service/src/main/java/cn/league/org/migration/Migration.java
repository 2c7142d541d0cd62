package cn.league.org.migration;

import java.time.Instant;

/**
 * One request to move an org with its subtree under a new parent (R-ORG-7).
 *
 * @param requestedBy the requester's ID number, upper-case
 */
public record Migration(long id, long orgId, long oldParentId, long newParentId, String reason, String requestedBy,
                        Instant requestedAt, MigrationState state, Instant closedAt) {
}
