package cn.league.orgreplica;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;

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

    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "${spring.application.name}-org-replica-posts")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null || changesNoPosts(record)) {
            return;
        }
        var event = EventJson.read(record.value());
        if (POSTS_CHANGED.equals(event.type())) {
            inbox.applyOnce(CONSUMER, event, () -> {
                PostsChanged posts = EventJson.dataAs(event, PostsChanged.class);
                store.replacePosts(posts.idNumber(), posts.posts());
            });
        } else if (PERSON_ENTERED.equals(event.type())) {
            PersonEntered entered = EventJson.dataAs(event, PersonEntered.class);
            if (entered.post() != null) { // a new person: their one post is all they hold
                inbox.applyOnce(CONSUMER, event, () -> store.replacePosts(entered.idNumber(),
                        List.of(entered.post())));
            }
        }
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
