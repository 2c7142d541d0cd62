package cn.league.orgreplica;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.support.inbox.EventInbox;
import cn.league.support.outbox.EventBackboneConfiguration;

/**
 * Gives a service with this jar its own copy of the org tree: the {@code org_replica} schema, the
 * listener on {@code league.org.events} that fills it (and on {@code league.member.events} for post holders) and
 * {@link OrgTree} to ask it, also for the active-org check (R-ADM-8). org-service, which
 * owns the real tree, turns it off with {@code league.org-replica.enabled=false}.
 */
@AutoConfiguration(after = EventBackboneConfiguration.class)
@ConditionalOnBooleanProperty(name = "league.org-replica.enabled", matchIfMissing = true)
public class OrgReplicaConfiguration {

    @Bean
    OrgReplicaSchemaMigration orgReplicaSchemaMigration(DataSource dataSource) {
        OrgReplicaSchema.migrate(dataSource);
        return new OrgReplicaSchemaMigration();
    }

    @Bean
    OrgTree orgTree(OrgReplicaSchemaMigration migrated, JdbcClient jdbc) {
        return new OrgTree(jdbc);
    }

    @Bean
    OrgEventsListener orgEventsListener(OrgReplicaSchemaMigration migrated, EventInbox inbox, JdbcClient jdbc) {
        return new OrgEventsListener(inbox, new OrgReplicaStore(jdbc));
    }

    @Bean
    PostsEventsListener orgReplicaPostsListener(OrgReplicaSchemaMigration migrated, EventInbox inbox, JdbcClient jdbc) {
        return new PostsEventsListener(inbox, new OrgReplicaStore(jdbc));
    }

    /** Marks that the replica's tables exist before anything reads or writes them. */
    public static final class OrgReplicaSchemaMigration {
    }
}
