package cn.league.orgreplica;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the replica's tables into the {@code org_replica} schema, with their own history table, so
 * they never mix with the host service's Flyway scripts (as {@code PlatformSchema} does for the outbox).
 */
public final class OrgReplicaSchema {

    public static final String SCHEMA = "org_replica";

    private OrgReplicaSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table("org_replica_schema_history")
                .locations("classpath:db/org-replica")
                .load()
                .migrate();
    }
}
