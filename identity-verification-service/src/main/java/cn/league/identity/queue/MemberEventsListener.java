package cn.league.identity.queue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonAdded;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.support.inbox.EventInbox;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/**
 * Queues every new person for the check, whichever way they came in (R-ID-1, R-IMP-4): PersonEntered covers single
 * entry, bulk import and approved self-registration; PersonAdded covers admin registration and new secretaries. A
 * name or ID edit queues them again (R-ID-2). Where people are (branch, posts) is kept for scope (R-SCOPE-1). Each
 * event once (EventInbox).
 */
@Component
class MemberEventsListener {

    static final String CONSUMER = "identity-member-events";

    private final EventInbox inbox;
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    MemberEventsListener(EventInbox inbox, PeopleStore people) {
        this.inbox = inbox;
        this.handlers = Map.of(
                typeOf(PersonEntered.class), event -> {
                    PersonEntered entered = dataAs(event, PersonEntered.class);
                    String id = id(entered.idNumber());
                    people.entered(id, entered.name());
                    if (entered.branchId() != null) {
                        people.membership(id, entered.branchId());
                    }
                    if (entered.post() != null) {
                        people.post(id, entered.post().orgId());
                    }
                },
                typeOf(PersonAdded.class), event -> {
                    PersonAdded added = dataAs(event, PersonAdded.class);
                    people.entered(id(added.idNumber()), added.name());
                },
                typeOf(IdentityDetailsChanged.class), event -> {
                    IdentityDetailsChanged changed = dataAs(event, IdentityDetailsChanged.class);
                    people.detailsChanged(id(changed.previousIdNumber()), id(changed.idNumber()), changed.name());
                },
                typeOf(PersonDeleted.class), event -> people.deleted(id(dataAs(event, PersonDeleted.class).idNumber())),
                typeOf(MembershipStarted.class), event -> {
                    MembershipStarted started = dataAs(event, MembershipStarted.class);
                    people.membership(id(started.idNumber()), started.branchId());
                },
                typeOf(MembershipMoved.class), event -> {
                    MembershipMoved moved = dataAs(event, MembershipMoved.class);
                    people.membership(id(moved.idNumber()), moved.toBranchId());
                },
                typeOf(MembershipEnded.class), event -> {
                    MembershipEnded ended = dataAs(event, MembershipEnded.class);
                    people.membershipEnded(id(ended.idNumber()), ended.branchId());
                },
                typeOf(PostsChanged.class), event -> {
                    PostsChanged changed = dataAs(event, PostsChanged.class);
                    people.posts(id(changed.idNumber()), changed.posts().stream().map(Post::orgId).toList());
                });
    }

    /** A poll's records in one transaction: an import brings people by the thousand per second. */
    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "${spring.application.name}-member-events", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.applyBatch(CONSUMER, records, this::effectOf);
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
        return handler == null ? null : () -> handler.accept(event);
    }

    private static String id(String idNumber) {
        return idNumber.toUpperCase(Locale.ROOT);
    }
}
