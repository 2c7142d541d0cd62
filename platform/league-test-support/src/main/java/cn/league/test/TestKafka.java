package cn.league.test;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One embedded KRaft Kafka broker per test JVM, started on first use. */
public final class TestKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
        }
        return broker.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
        started.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3"));
        started.afterPropertiesSet();
        return started;
    }
}
