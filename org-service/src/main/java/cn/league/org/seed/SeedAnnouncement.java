package cn.league.org.seed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.org.tree.OrgStore;
import cn.league.support.outbox.Outbox;

/**
 * The migration seeds 团中央 and the provincial-level orgs in SQL; this announces them on
 * {@code league.org.events} once, so every service's tree replica starts from the same top. The row
 * lock makes it safe when several replicas start together.
 */
@Component
class SeedAnnouncement implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final OrgStore store;
    private final TransactionTemplate transaction;
    private final Outbox outbox;

    SeedAnnouncement(JdbcClient jdbc, OrgStore store, TransactionTemplate transaction,
                     Outbox outbox) {
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = transaction;
        this.outbox = outbox;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            boolean announced = jdbc.sql("select announced from seed_announcement where id = 1 for update")
                    .query(Boolean.class).single();
            if (announced) {
                return;
            }
            store.seeded().forEach(org ->
                    outbox.publish(Topics.ORG_EVENTS, new OrgCreated(org.snapshot()), org.eventKey(), org.path()));
            jdbc.sql("update seed_announcement set announced = true where id = 1").update();
        });
    }
}
