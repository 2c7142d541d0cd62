package cn.league.org.migration;

/** A migration with the names of the orgs and the requester, as approvers read it (null where gone or unknown). */
public record MigrationSummary(Migration migration, String orgName, String oldParentName, String newParentName,
                               String requesterName) {
}
