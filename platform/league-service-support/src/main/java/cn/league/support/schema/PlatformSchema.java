package cn.league.support.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the tables every service shares (outbox, consumed events) into the {@code platform}
 * schema, with their own history table, so they never mix with a service's own Flyway scripts.
 */
public final class PlatformSchema {

    public static final String SCHEMA = "platform";

    private PlatformSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }
}
