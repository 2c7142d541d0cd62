package cn.league.org.admin;

import java.time.Instant;

/** A code as kept: which org it registers an admin for, and its state. */
public record StoredAdminCode(String hash, long orgId, Instant expiresAt, Instant usedAt, Instant replacedAt) {
}
