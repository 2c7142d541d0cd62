package cn.league.stats.replicas;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.stats.StatsServiceApplication;
import cn.league.stats.snapshot.Snapshots;
import cn.league.stats.support.LatestSnapshot;
import cn.league.stats.support.SentEvents;
import cn.league.stats.support.StatsTree;
import cn.league.test.ServiceApi;
import cn.league.test.TestKafka;
import cn.league.test.TestPostgres;
import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second stats-service on the same database and broker, as a second replica of a deployment. Both are named apart
 * from the other tests' services (their consumer groups are this deployment's alone) and run one consumer each, so
 * the topic's 3 partitions must be shared between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=" + ReplicasTest.DEPLOYMENT, "league.stats.projection.concurrency=1",
                "league.security.audience=league-stats-service"}) // still stats-service to the tokens
class ReplicasTest {

    static final String DEPLOYMENT = "stats-replicas";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    Snapshots snapshots;

    @Test
    @DisplayName("R-STAT-2 two replicas share the member topic's partitions, every event counts once, both answer the same figures")
    void twoReplicasShareTheWork() throws Exception {
        Map<String, Object> infrastructure = new HashMap<>(Map.of(
                "server.port", "0",
                "spring.application.name", DEPLOYMENT,
                "league.stats.projection.concurrency", "1",
                "spring.datasource.url", TestPostgres.get().jdbcUrl("league_stats"),
                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "league.keycloak.url", TestTokens.get().keycloakUrl(),
                "league.security.audience", "league-stats-service"));
        if (TestPostgres.get().user() != null) { // else in the URL
            infrastructure.put("spring.datasource.username", TestPostgres.get().user());
            infrastructure.put("spring.datasource.password", TestPostgres.get().password());
        }
        // as arguments: they come before the service's own properties, as the environment does in production
        String[] arguments = infrastructure.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(StatsServiceApplication.class)
                .run(arguments)) {
            MessageListenerContainer mine = listeners.getListenerContainer("stats-projection");
            MessageListenerContainer theirs = second.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("stats-projection");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while ((mine.getAssignedPartitions().isEmpty() || theirs.getAssignedPartitions().isEmpty()
                    || mine.getAssignedPartitions().size() + theirs.getAssignedPartitions().size() != 3)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(mine.getAssignedPartitions()).as("this replica's share").isNotEmpty();
            assertThat(theirs.getAssignedPartitions()).as("the other's share").isNotEmpty()
                    .doesNotContainAnyElementsOf(mine.getAssignedPartitions());

            StatsTree tree = new StatsTree(jdbc);
            long province = tree.root("团某省委");
            long branch = tree.child(province, "BRANCH", "RURAL", "某村团支部");
            String admin = SentEvents.idNumber();
            tree.admin(admin, province);
            SentEvents events = new SentEvents(kafka, jdbc);
            for (int i = 0; i < 60; i++) { // keys spread over every partition
                String id = SentEvents.idNumber();
                events.publish(PersonEntered.member(id, "团员", true, branch, i % 2 == 0), id);
            }
            events.awaitApplied();
            assertThat(snapshots.take(LatestSnapshot.next())).isTrue();

            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String path = "/api/stats/progress?orgId=" + province;
            var first = new ServiceApi(port).get(admin, path);
            var other = new ServiceApi(secondPort).get(admin, path);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().path("org").path("members").asLong()).isEqualTo(60);
            assertThat(first.json().path("org").path("membersComplete").asLong()).isEqualTo(30);
            assertThat(other.body()).isEqualTo(first.body());
        }
    }
}
