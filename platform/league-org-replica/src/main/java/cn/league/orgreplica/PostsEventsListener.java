package cn.league.orgreplica;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.support.inbox.EventInbox;

import static cn.league.contracts.EventEnvelope.typeOf;

/**
 * Keeps the replica's post holders (R-ADM-8) from member-service's {@code PostsChanged} and, for a cadre entered
 * one by one or imported, {@code PersonEntered}; each event once. Other member facts are not the replica's business.
 */
class PostsEventsListener {

    static final String CONSUMER = "org-replica-posts";

    private final EventInbox inbox;
    private final OrgReplicaStore store;

    PostsEventsListener(EventInbox inbox, OrgReplicaStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    /** A poll's records in one transaction: imports bring member events by the thousand per second. */
    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "${spring.application.name}-org-replica-posts",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.applyBatch(CONSUMER, records, this::effectOf);
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        if (typeOf(PostsChanged.class).equals(event.type())) {
            PostsChanged posts = EventJson.dataAs(event, PostsChanged.class);
            return () -> store.replacePosts(posts.idNumber(), posts.posts());
        }
        if (typeOf(PersonEntered.class).equals(event.type())) {
            PersonEntered entered = EventJson.dataAs(event, PersonEntered.class);
            if (entered.post() != null) { // a new person: their one post is all they hold
                return () -> store.replacePosts(entered.idNumber(), List.of(entered.post()));
            }
        }
        return null;
    }
}
