package cn.league.org.admin;

import java.time.Instant;

/** A freshly made code, shown to the parent's admin once; only its hash is kept. */
public record IssuedAdminCode(long orgId, String fullName, String shortName, String code, Instant expiresAt) {
}
