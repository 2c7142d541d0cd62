package cn.league.stats.opscentre;

/** System messages (系统消息) to an org's admins in the operation centre (R-OPS-1). */
public enum MessageKind {
    /** A transfer was returned with a reason (R-TR-7). */
    TRANSFER_REJECTED,
    /** A transfer waited more than 10 days at a step and ended (R-TR-5). */
    TRANSFER_EXPIRED,
    /** A migration the org asked for was rejected (R-ORG-7). */
    MIGRATION_REJECTED,
    /** An import the org's admin uploaded ended: its result sentence, or why the file was refused (R-IMP-2). */
    IMPORT_FINISHED,
    /** A password reset code was issued for a person of the org (R-AUTH-3); the code itself is never told. */
    RESET_CODE_ISSUED
}
