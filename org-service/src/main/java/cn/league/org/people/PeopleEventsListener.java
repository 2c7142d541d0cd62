package cn.league.org.people;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.org.scope.Scope;
import cn.league.support.inbox.EventInbox;
import tools.jackson.databind.JsonNode;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/** Keeps {@link People} current from member-service's events, each applied once. */
@Component
class PeopleEventsListener {

    private final EventInbox inbox;
    private final JdbcClient jdbc;
    /** The member facts org-service keeps; the others are not its concern. */
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    PeopleEventsListener(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.handlers = Map.of(
                typeOf(PersonEntered.class), event -> {
                    var entered = dataAs(event, PersonEntered.class);
                    String idNumber = Scope.normalised(entered.idNumber());
                    profile(idNumber, entered.name(), entered.hasMobile());
                    if (entered.branchId() != null) {
                        member(idNumber, entered.branchId());
                    }
                    if (entered.post() != null) {
                        post(idNumber, entered.post());
                    }
                },
                typeOf(MembershipStarted.class), event -> {
                    var started = dataAs(event, MembershipStarted.class);
                    member(Scope.normalised(started.idNumber()), started.branchId());
                },
                typeOf(MembershipMoved.class), event -> {
                    var moved = dataAs(event, MembershipMoved.class);
                    member(Scope.normalised(moved.idNumber()), moved.toBranchId());
                },
                typeOf(MembershipEnded.class), event -> {
                    var ended = dataAs(event, MembershipEnded.class);
                    jdbc.sql("delete from org_member where id_number = ?").param(Scope.normalised(ended.idNumber()))
                            .update();
                },
                typeOf(PostsChanged.class), event -> {
                    var posts = dataAs(event, PostsChanged.class);
                    String idNumber = Scope.normalised(posts.idNumber());
                    jdbc.sql("delete from org_post where id_number = ?").param(idNumber).update();
                    posts.posts().forEach(post -> post(idNumber, post));
                },
                typeOf(ProfileChanged.class), event -> {
                    var changed = dataAs(event, ProfileChanged.class);
                    profile(Scope.normalised(changed.idNumber()), changed.name(), changed.hasMobile());
                });
    }

    /** A poll's records in one transaction: imports bring member events by the thousand per second. */
    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "org-service-people", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.applyBatch("org-people", records, event -> {
            Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
            return handler == null ? null : () -> handler.accept(event);
        });
    }

    private void member(String idNumber, long branchId) {
        jdbc.sql("""
                        insert into org_member (id_number, branch_id) values (?, ?)
                        on conflict (id_number) do update set branch_id = excluded.branch_id""")
                .params(idNumber, branchId).update();
    }

    private void post(String idNumber, Post post) {
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, ?) on conflict do nothing")
                .params(post.orgId(), idNumber, post.title()).update();
    }

    private void profile(String idNumber, String name, boolean hasMobile) {
        jdbc.sql("""
                        insert into person_profile (id_number, name, has_mobile) values (?, ?, ?)
                        on conflict (id_number) do update set name = excluded.name, has_mobile = excluded.has_mobile""")
                .params(idNumber, name, hasMobile).update();
    }
}
