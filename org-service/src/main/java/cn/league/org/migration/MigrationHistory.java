package cn.league.org.migration;

import java.util.List;

/** A migration and every step taken on it, oldest first. */
public record MigrationHistory(MigrationSummary summary, List<MigrationStep> steps) {
}
