package cn.league.member.messaging;

import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;

import cn.league.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class MemberEventsTopicTest {

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    @DisplayName("R-STAT-1: member-service's topic keeps its events without time limit, so stats-service can rebuild from its start")
    void theTopicKeepsEveryEvent() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MEMBER_EVENTS);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            String retention = admin.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value();
            assertThat(retention).isEqualTo("-1");
        }
    }
}
