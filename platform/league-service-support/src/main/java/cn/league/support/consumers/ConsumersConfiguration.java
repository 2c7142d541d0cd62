package cn.league.support.consumers;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.util.StringUtils;

/**
 * How a service's Kafka consumers come back after a crash: at once, and before the service says it is ready.
 *
 * <p>Static group membership: with {@code league.instance-id} set (environment {@code LEAGUE_INSTANCE_ID}; one value
 * per replica that stays the same across its restarts: {@code ./league} sets {@code <service>-1}, a Helm chart the
 * pod's name), every consumer joins its group with {@code group.instance.id} = that id (Spring Kafka adds
 * {@code -<n>} per concurrent consumer). A replica killed with {@code kill -9} and started again takes its old
 * partitions back at once instead of waiting for the group's session timeout (45 s) to expire the dead member. The
 * price: a replica that is gone for good keeps its partitions until that timeout. Listeners of one service must use
 * groups of their own (they do: one group per listener), or their static ids would fence each other. Without the
 * setting (tests) consumers join dynamically as before.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class ConsumersConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer staticGroupMembership(Environment environment) {
        return factory -> {
            String instance = environment.getProperty("league.instance-id");
            if (StringUtils.hasText(instance)) {
                factory.updateConfigs(Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance));
            }
        };
    }

    @Bean
    ConsumersAssigned kafkaConsumersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new ConsumersAssigned(registry);
    }
}
