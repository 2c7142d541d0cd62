package cn.league.org.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
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

/** Keeps {@link People} current from member-service's events, each applied once. */
@Component
class PeopleEventsListener {

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    PeopleEventsListener(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "org-service-people")
    void on(String json) {
        var event = EventJson.read(json);
        inbox.applyOnce("org-people", event, () -> apply(event));
    }

    private void apply(EventEnvelope<JsonNode> event) {
        switch (event.type()) {
            case "PersonEntered.v1" -> {
                var entered = EventJson.dataAs(event, PersonEntered.class);
                String idNumber = Scope.normalised(entered.idNumber());
                profile(idNumber, entered.name(), entered.hasMobile());
                if (entered.branchId() != null) {
                    member(idNumber, entered.branchId());
                }
                if (entered.post() != null) {
                    post(idNumber, entered.post());
                }
            }
            case "MembershipStarted.v1" -> {
                var started = EventJson.dataAs(event, MembershipStarted.class);
                member(Scope.normalised(started.idNumber()), started.branchId());
            }
            case "MembershipMoved.v1" -> {
                var moved = EventJson.dataAs(event, MembershipMoved.class);
                member(Scope.normalised(moved.idNumber()), moved.toBranchId());
            }
            case "MembershipEnded.v1" -> {
                var ended = EventJson.dataAs(event, MembershipEnded.class);
                jdbc.sql("delete from org_member where id_number = ?").param(Scope.normalised(ended.idNumber()))
                        .update();
            }
            case "PostsChanged.v1" -> {
                var posts = EventJson.dataAs(event, PostsChanged.class);
                String idNumber = Scope.normalised(posts.idNumber());
                jdbc.sql("delete from org_post where id_number = ?").param(idNumber).update();
                posts.posts().forEach(post -> post(idNumber, post));
            }
            case "ProfileChanged.v1" -> {
                var changed = EventJson.dataAs(event, ProfileChanged.class);
                profile(Scope.normalised(changed.idNumber()), changed.name(), changed.hasMobile());
            }
            default -> {
                // other member facts are not org-service's concern
            }
        }
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
