package cn.league.support.consumers;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 7: a service is ready only once its consumers have their partitions, and its consumers are static
 * group members named after the replica, so a restarted replica gets its partitions back without waiting for the dead
 * one to time out ({@code LeagueSystemIT} kills member-service with kill -9 and measures it on the real stack).
 */
@SpringBootTest(properties = "league.instance-id=support-test-7")
@Import(ConsumersReadinessTest.LateListener.class)
class ConsumersReadinessTest {

    static final String GROUP = "readiness-test";
    static final String STATIC_GROUP = "static-membership-test";

    @Autowired
    ConsumersAssigned consumers;
    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    HealthEndpointGroups groups;
    @Autowired
    ConsumerFactory<?, ?> consumerFactory;
    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void theReadinessProbeWaitsForEveryListenersPartitions() throws Exception {
        assertThat(groups.get("readiness").isMember("kafkaConsumers")).isTrue();
        // the other listener ("static") starts with the context: up once its group assigned it (seconds when this class
        // is the first of the run to use the broker's group coordinator)
        long assigned = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumers.health().getStatus() != Status.UP && System.nanoTime() < assigned) {
            Thread.sleep(50);
        }
        assertThat(consumers.health().getStatus()).as("the late listener has not started").isEqualTo(Status.UP);

        registry.getListenerContainer("late").start();
        var waiting = consumers.health();
        assertThat(waiting.getStatus()).as("started, not yet assigned").isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(waiting.getDetails()).containsEntry("waitingForPartitions", java.util.Set.of(GROUP));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumers.health().getStatus() != Status.UP && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(consumers.health().getStatus()).as("assigned").isEqualTo(Status.UP);
    }

    @Test
    void consumersJoinAsStaticMembersNamedAfterTheReplica() throws Exception {
        assertThat(consumerFactory.getConfigurationProperties())
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "support-test-7");
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            List<String> instanceIds = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (instanceIds.isEmpty() && System.nanoTime() < deadline) {
                instanceIds = admin.describeConsumerGroups(List.of(STATIC_GROUP)).all().get().get(STATIC_GROUP).members().stream()
                        .map(MemberDescription::groupInstanceId).flatMap(java.util.Optional::stream).toList();
                Thread.sleep(100);
            }
            assertThat(instanceIds).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("support-test-7"));
        }
    }

    @TestConfiguration
    static class LateListener {

        @KafkaListener(id = "late", topics = "league.test.readiness", groupId = GROUP, autoStartup = "false")
        void on(String json) {
        }

        @KafkaListener(id = "static", topics = "league.test.readiness", groupId = STATIC_GROUP)
        void alsoOn(String json) {
        }
    }
}
