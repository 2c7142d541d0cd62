package cn.league.stats.projection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.support.inbox.EventInbox;
import cn.league.support.outbox.OutboxRelay;

/**
 * Keeps the projection in step with member-service, each event once (R-STAT-1). A poll is applied in one
 * transaction with one write per table: an import brings tens of thousands of events a second. Replicas of
 * stats-service share the partitions of the topic through the consumer group; a person's events share a key,
 * so they stay in order.
 */
@Component
class MemberEventsListener {

    static final String CONSUMER = "stats-projection";

    private final EventInbox inbox;
    private final ProjectionStore store;

    MemberEventsListener(EventInbox inbox, ProjectionStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBER_EVENTS, groupId = "${spring.application.name}-projection",
            concurrency = "${league.stats.projection.concurrency:3}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> relevant = records.stream()
                .filter(record -> record.value() != null && mayMatter(record)).toList();
        if (!relevant.isEmpty()) {
            inbox.applyGathered(CONSUMER, relevant, batch -> new ProjectionBatch(store,
                    batch.stream().map(ConsumerRecord::key).filter(Objects::nonNull).toList()));
        }
    }

    /** The relay names the type in a header: events that change no figures are passed over unread. */
    static boolean mayMatter(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(OutboxRelay.TYPE_HEADER);
        return type == null || ProjectionBatch.TYPES.contains(new String(type.value(), StandardCharsets.UTF_8));
    }
}
