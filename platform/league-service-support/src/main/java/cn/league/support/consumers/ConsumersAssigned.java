package cn.league.support.consumers;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Part of the readiness group: a service is ready only once each of its Kafka listeners' consumer groups has handed
 * it its partitions (an empty share counts: more replicas than partitions). Before that a restarted replica answered
 * ready while its events waited (issue 16: member-service ready ~30 s before its consumers got their partitions
 * back). Once assigned, a group stays counted: a rebalance later, or a Kafka outage, must not take a service's HTTP
 * API out of the load balancer, since the outbox and the inbox wait for Kafka by themselves.
 */
public class ConsumersAssigned implements HealthIndicator, ConsumerAwareRebalanceListener {

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final Set<String> assignedGroups = ConcurrentHashMap.newKeySet();

    public ConsumersAssigned(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assignedGroups.add(consumer.groupMetadata().groupId());
    }

    @Override
    public Health health() {
        Set<String> waiting = new TreeSet<>();
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        if (listeners != null) {
            for (MessageListenerContainer container : listeners.getListenerContainers()) {
                if (container.isRunning() && !assignedGroups.contains(container.getGroupId())) {
                    waiting.add(container.getGroupId());
                }
            }
        }
        return waiting.isEmpty() ? Health.up().build()
                : Health.status(Status.OUT_OF_SERVICE).withDetail("waitingForPartitions", waiting).build();
    }
}
