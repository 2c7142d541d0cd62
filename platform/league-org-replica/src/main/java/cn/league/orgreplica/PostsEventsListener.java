package cn.league.orgreplica;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.support.inbox.EventInbox;
import cn.league.support.outbox.OutboxRelay;

import static cn.league.contracts.EventEnvelope.typeOf;

/**
 * Keeps the replica's post holders (R-ADM-8) from member-service's {@code PostsChanged} and, for a cadre entered
 * one by one or imported, {@code PersonEntered}; each event once. Other member facts are not the replica's business.
 */
class PostsEventsListener {

    static final String CONSUMER = "org-replica-posts";
    static final String POSTS_CHANGED = typeOf(PostsChanged.class);
    static final String PERSON_ENTERED = typeOf(PersonEntered.class);

    private final EventInbox inbox;
    private final OrgReplicaStore store;

    PostsEventsListener(EventInbox inbox, OrgReplicaStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    /**
     * A poll's records in one transaction: imports bring member events by the thousand per second. Those that
     * change no posts are passed over before anything is read.
     */
    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "${spring.application.name}-org-replica-posts",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> mayChangePosts = records.stream()
                .filter(record -> record.value() != null && !changesNoPosts(record)).toList();
        if (!mayChangePosts.isEmpty()) {
            inbox.applyBatch(CONSUMER, mayChangePosts, this::effectOf);
        }
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        if (POSTS_CHANGED.equals(event.type())) {
            PostsChanged posts = EventJson.dataAs(event, PostsChanged.class);
            return () -> store.replacePosts(posts.idNumber(), posts.posts());
        }
        if (PERSON_ENTERED.equals(event.type())) {
            PersonEntered entered = EventJson.dataAs(event, PersonEntered.class);
            if (entered.post() != null) { // a new person: their one post is all they hold
                return () -> store.replacePosts(entered.idNumber(), List.of(entered.post()));
            }
        }
        return null;
    }

    /**
     * Whether the type the outbox relay puts in a header already shows the event changes no posts (most member
     * events), or it enters a member, who holds none: a bulk import's thousands of entered members were each read
     * whole for nothing, the costliest part of member-service's consumer in the bulk benchmark.
     */
    private static boolean changesNoPosts(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(OutboxRelay.TYPE_HEADER);
        if (header == null) {
            return false;
        }
        String type = new String(header.value(), StandardCharsets.UTF_8);
        return !POSTS_CHANGED.equals(type) && (!PERSON_ENTERED.equals(type)
                || EventJson.dataOf(record.value(), PersonEntered.class).post() == null);
    }
}
