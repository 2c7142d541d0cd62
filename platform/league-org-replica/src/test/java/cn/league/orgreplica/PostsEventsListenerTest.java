package cn.league.orgreplica;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.support.outbox.OutboxRelay;

import static cn.league.orgreplica.TestOrgs.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** R-ADM-8: who belongs to an org (post or admin rights), from member-service's PostsChanged and org events. */
@SpringBootTest
class PostsEventsListenerTest {

    static final String CADRE = "33010619900101002X";
    static final String ENTERED_CADRE = "330106198502020011";
    static final String ENTERED_MEMBER = "330106200503030012";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgTree tree;

    final OrgSnapshot root = TestOrgs.root(1);
    final OrgSnapshot province = TestOrgs.province(33, root, "33");
    final OrgSnapshot city = TestOrgs.leadingBody(3301, province, "共青团某市委");
    final OrgSnapshot otherCity = TestOrgs.leadingBody(3302, province, "共青团另一市委");
    final OrgSnapshot thirdCity = TestOrgs.leadingBody(3303, province, "共青团第三市委");

    @Test
    @DisplayName("R-ADM-8 a post (PostsChanged) or admin rights make a person belong to an org; the posts follow "
            + "each PostsChanged; a deleted org keeps nobody")
    void postsAndAdminsBelong() {
        OrgEventsFeed orgs = new OrgEventsFeed(kafka, jdbc);
        for (OrgSnapshot org : List.of(root, province, city, otherCity)) {
            orgs.apply(keyOf(org), new OrgCreated(org));
        }
        assertThat(tree.belongsTo(CADRE, city.id())).isFalse();

        publish(new PostsChanged(CADRE, "干部甲", List.of(new Post(city.id(), "副书记"))));
        awaitBelonging(city.id(), true);
        assertThat(tree.belongsTo(CADRE.toLowerCase(), city.id())).as("any letter case").isTrue();
        assertThat(tree.belongsTo(CADRE, otherCity.id())).isFalse();
        assertThat(tree.belongsTo(CADRE, province.id())).as("a post below is not a post above").isFalse();

        orgs.apply(keyOf(otherCity), new AdminGranted(otherCity.id(), CADRE));
        assertThat(tree.belongsTo(CADRE, otherCity.id())).isTrue();

        publish(new PostsChanged(CADRE, "干部甲", List.of()));
        awaitBelonging(city.id(), false);

        publish(new PostsChanged(CADRE, "干部甲", List.of(new Post(city.id(), "副书记"))));
        awaitBelonging(city.id(), true);
        orgs.apply(keyOf(city), new OrgDeleted(city.id(), city.path(), null));
        assertThat(tree.belongsTo(CADRE, city.id())).isFalse();
    }

    @Test
    @DisplayName("R-ADM-8 R-MEM-2 a cadre entered one by one or imported (PersonEntered with a post) belongs to that org; "
            + "a member entered into a branch holds no post")
    void enteredCadreBelongs() {
        OrgEventsFeed orgs = new OrgEventsFeed(kafka, jdbc);
        for (OrgSnapshot org : List.of(root, province, thirdCity)) {
            orgs.apply(keyOf(org), new OrgCreated(org));
        }
        // as the outbox relay sends them, with their type in a header
        publish(PersonEntered.member(ENTERED_MEMBER, "团员乙", true, thirdCity.id()), ENTERED_MEMBER, true);
        publish(PersonEntered.cadre(ENTERED_CADRE, "干部丙", true, new Post(thirdCity.id(), "组织委员")), ENTERED_CADRE,
                true);

        awaitBelonging(ENTERED_CADRE, thirdCity.id(), true);
        assertThat(tree.belongsTo(ENTERED_MEMBER, thirdCity.id())).isFalse();
    }

    private void publish(PostsChanged posts) {
        publish(posts, posts.idNumber(), false);
    }

    private void publish(Object event, String idNumber, boolean typeHeader) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event, idNumber, null, null, Instant.now());
        var record = new ProducerRecord<>(Topics.MEMBER_EVENTS, idNumber, EventJson.write(envelope));
        if (typeHeader) {
            record.headers().add(OutboxRelay.TYPE_HEADER, envelope.type().getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get();
        } catch (InterruptedException | ExecutionException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private void awaitBelonging(long orgId, boolean expected) {
        awaitBelonging(CADRE, orgId, expected);
    }

    private void awaitBelonging(String idNumber, long orgId, boolean expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tree.belongsTo(idNumber, orgId) != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        assertThat(tree.belongsTo(idNumber, orgId)).isEqualTo(expected);
    }
}
