package cn.league.orgreplica;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;

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
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgSnapshot;

import static cn.league.orgreplica.TestOrgs.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** R-ADM-8: who belongs to an org (post or admin rights), from member-service's PostsChanged and org events. */
@SpringBootTest
class PostsEventsListenerTest {

    static final String CADRE = "33010619900101002X";

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

    private void publish(PostsChanged posts) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(posts, posts.idNumber(), null, null, Instant.now());
        try {
            kafka.send(Topics.MEMBER_EVENTS, posts.idNumber(), EventJson.write(envelope)).get();
        } catch (InterruptedException | ExecutionException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private void awaitBelonging(long orgId, boolean expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tree.belongsTo(CADRE, orgId) != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        assertThat(tree.belongsTo(CADRE, orgId)).isEqualTo(expected);
    }
}
