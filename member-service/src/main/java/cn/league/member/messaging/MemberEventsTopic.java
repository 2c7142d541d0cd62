package cn.league.member.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import cn.league.contracts.Topics;

/**
 * member-service's topic, declared by its owner rather than left to the broker's defaults: kept without time limit,
 * because stats-service rebuilds its projection by replaying the topic from its start (issue 13, Rebuild); with the
 * usual seven days a rebuild would forget everyone entered before last week. Created with the broker's partition
 * count when missing; on a topic that exists, Spring's KafkaAdmin sets the retention at start
 * ({@code spring.kafka.admin.modify-topic-configs}) and leaves its partitions alone (more would move keys between
 * partitions and break a person's event order).
 */
@Configuration(proxyBeanMethods = false)
class MemberEventsTopic {

    @Bean
    NewTopic memberEvents() {
        return TopicBuilder.name(Topics.MEMBER_EVENTS).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
