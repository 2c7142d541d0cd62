package cn.league.identity.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.PersonAdded;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.identity.support.Await;
import cn.league.identity.support.CentreProcess;
import cn.league.identity.support.IdNumbers;
import cn.league.identity.support.MemberEventsFeed;
import cn.league.identity.support.Orgs;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way, on real PostgreSQL, Kafka and the centre's own process: member-service's facts in, batches to the
 * centre, statuses, history and events out.
 */
@SpringBootTest(properties = {
        "league.identity.worker.first-recheck=1s", "league.identity.worker.longest-recheck=2s",
        "league.identity.worker.idle-pause=100ms", "league.identity.centre.first-backoff=50ms",
        "league.identity.centre.attempts=3", "league.identity.centre.open-for=1s",
        "league.identity.centre.client-secret=" + CentreProcess.CLIENT_SECRET})
@DirtiesContext // its worker stops with it, so it takes no people of the tests that send batches by hand
class VerificationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void centre(DynamicPropertyRegistry registry) {
        registry.add("league.identity.centre.url", () -> CentreProcess.get().url());
    }

    @Autowired
    JdbcClient jdbc;

    private final MemberEventsFeed feed = new MemberEventsFeed();
    private long branch;

    @BeforeEach
    void tree() {
        CentreProcess.get().normal();
        Orgs orgs = new Orgs(jdbc);
        branch = orgs.child(orgs.province(), "BRANCH");
    }

    @AfterEach
    void close() {
        CentreProcess.get().normal();
        feed.close();
    }

    @Test
    @DisplayName("R-ID-1 R-IMP-4: every new person is checked: 一致 passes, 不一致 fails with the reason, each published once")
    void newPeopleAreChecked() {
        String member = IdNumbers.known();
        String cadre = IdNumbers.known();
        String registered = IdNumbers.known();
        try (TopicReader identityEvents = new TopicReader(TestKafka.bootstrapServers(), Topics.IDENTITY_EVENTS)) {
            feed.send(member, PersonEntered.member(member, "张三", true, branch));
            feed.send(cadre, PersonEntered.cadre(cadre, "王错", false, new Post(branch, "书记")));
            feed.send(registered, new PersonAdded(registered, "李四")); // admin registration

            awaitStatus(member, "PASSED");
            awaitStatus(cadre, "FAILED");
            awaitStatus(registered, "PASSED");
            assertThat(reason(cadre)).isEqualTo("不一致");

            List<ConsumerRecord<String, String>> events = identityEvents.readUntil(records -> records.stream()
                    .filter(r -> List.of(member, cadre, registered).contains(r.key())).count() >= 3, WAIT);
            assertThat(ofPerson(events, member)).singleElement().satisfies(value -> assertThat(value)
                    .contains("IdentityVerified.v1").contains("\"orgId\":" + branch));
            assertThat(ofPerson(events, cadre)).singleElement().satisfies(value -> assertThat(value)
                    .contains("IdentityVerificationFailed.v1").contains("\"reason\":\"不一致\""));
            assertThat(ofPerson(events, registered)).singleElement().satisfies(value -> assertThat(value)
                    .contains("IdentityVerified.v1").contains("\"orgId\":null"));
        }
    }

    @Test
    @DisplayName("R-ID-2: a name or ID edit resets the person to UNVERIFIED and checks the new details")
    void editsAreCheckedAgain() {
        String id = IdNumbers.known();
        feed.send(id, PersonEntered.member(id, "赵六", true, branch));
        awaitStatus(id, "PASSED");

        feed.send(id, new IdentityDetailsChanged(id, id, "赵错", "赵六", "UNVERIFIED"));
        awaitStatus(id, "FAILED");
        assertThat(reason(id)).isEqualTo("不一致");

        String corrected = IdNumbers.known();
        feed.send(corrected, new IdentityDetailsChanged(corrected, id, "赵六", "赵错", "UNVERIFIED"));
        awaitStatus(corrected, "PASSED");
        assertThat(jdbc.sql("select count(*) from person where id_number = ?").param(id).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select org_id from person_org where id_number = ?").param(corrected)
                .query(Long.class).list()).containsExactly(branch);
    }

    @Test
    @DisplayName("R-ID-3: a person the centre learns of later fails with 查无此人, then passes on a re-check by itself")
    void aPersonTheCentreLearnsOfLaterPassesOnARecheck() {
        String newcomer = IdNumbers.newlyRegistered();
        feed.send(newcomer, PersonEntered.member(newcomer, "钱七", true, branch));
        awaitStatus(newcomer, "FAILED");
        assertThat(reason(newcomer)).isEqualTo("查无此人");

        awaitStatus(newcomer, "PASSED");
        assertThat(jdbc.sql("select status from check_result where id_number = ? order by checked_at")
                .param(newcomer).query(String.class).list()).startsWith("FAILED").endsWith("PASSED");
    }

    @Test
    @DisplayName("R-ID-1: the centre down in the middle: nothing is checked while it is down, everyone once after")
    void anOutageDelaysResultsAndLosesNone() {
        List<String> before = people(150);
        before.forEach(id -> feed.send(id, PersonEntered.member(id, "孙八", true, branch)));
        before.forEach(id -> awaitStatus(id, "PASSED"));

        CentreProcess.get().settings("{\"down\":true}");
        List<String> during = people(300);
        during.forEach(id -> feed.send(id, PersonEntered.member(id, "周九", true, branch)));
        Await.until("the people entered during the outage are queued", WAIT, () -> count(during, null) == 300);
        sleep(Duration.ofSeconds(3));
        assertThat(count(during, "UNVERIFIED")).isEqualTo(300);

        CentreProcess.get().settings("{\"down\":false}");
        Await.until("everyone checked after the outage", WAIT, () -> count(during, "PASSED") == 300);
        assertThat(checksPerPerson(during)).allSatisfy((id, checks) -> assertThat(checks).as(id).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from check_batch where outcome = 'FAILED'").query(Integer.class).single())
                .as("batches that went back to the queue during the outage").isPositive();
    }

    @Test
    @DisplayName("R-ID-1: transient 5xx answers are retried with backoff; every verdict is applied once")
    void transientErrorsAreRetried() {
        CentreProcess.get().settings("{\"errorRate\":0.3}");
        List<String> people = people(400);
        try (TopicReader identityEvents = new TopicReader(TestKafka.bootstrapServers(), Topics.IDENTITY_EVENTS)) {
            people.forEach(id -> feed.send(id, PersonEntered.member(id, "吴十", true, branch)));
            Await.until("everyone checked despite the errors", WAIT, () -> count(people, "PASSED") == 400);
            assertThat(checksPerPerson(people)).allSatisfy((id, checks) -> assertThat(checks).as(id).isEqualTo(1));
            identityEvents.readUntil(records -> records.stream().filter(r -> people.contains(r.key())).count() >= 400,
                    WAIT);
            List<ConsumerRecord<String, String>> events = identityEvents.readFor(Duration.ofSeconds(1)); // a double would be here
            assertThat(events.stream().filter(r -> people.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting())))
                    .hasSize(400).allSatisfy((id, published) -> assertThat(published).as(id).isEqualTo(1));
        }
    }

    private static List<String> people(int count) {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            String id = IdNumbers.known();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void awaitStatus(String id, String status) {
        Await.until(id + " " + status, WAIT, () -> status.equals(jdbc.sql("select status from person where id_number = ?")
                .param(id).query(String.class).optional().orElse(null)));
    }

    private String reason(String id) {
        return jdbc.sql("select reason from person where id_number = ?").param(id).query(String.class).single();
    }

    private int count(List<String> ids, String status) {
        return jdbc.sql("select count(*) from person where id_number = any (cast(? as text[]))"
                        + (status == null ? "" : " and status = '" + status + "'"))
                .param(ids.toArray(String[]::new)).query(Integer.class).single();
    }

    private Map<String, Integer> checksPerPerson(List<String> ids) {
        Map<String, Integer> checks = jdbc.sql("""
                        select id_number, count(*) from check_result where id_number = any (cast(? as text[]))
                         group by id_number""")
                .param(ids.toArray(String[]::new))
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(checks).hasSize(ids.size());
        return checks;
    }

    private static List<String> ofPerson(List<ConsumerRecord<String, String>> events, String id) {
        return events.stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
