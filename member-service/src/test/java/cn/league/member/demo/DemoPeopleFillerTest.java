package cn.league.member.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.member.demo.DemoPeople.DemoPerson;
import cn.league.member.entry.AgeRule;
import cn.league.member.entry.EntryRole;
import cn.league.member.membership.MemberEntry;
import cn.league.member.person.PersonStore;
import cn.league.member.profile.IncompletePeople;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo people against a database of their own: the demo orgs reach the replica only after the service is
 * up, as org-service's events would; the tests run in order on the one filled tree.
 */
@SpringBootTest(properties = {"league.demo.enabled=true", "league.database=league_member_demo_test",
        "league.demo.people-poll=PT0.2S", "league.demo.people-wait=PT2M"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class DemoPeopleFillerTest {

    private static final int YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
    private static final List<DemoPerson> PLAN = DemoPeople.plan(YEAR);
    private static Map<String, Long> orgs;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoPeopleFiller filler;
    @Autowired
    IncompletePeople incomplete;
    @Autowired
    DemoStore store;
    @Autowired
    OrgTree tree;
    @Autowired
    MemberEntry entry;
    @Autowired
    PersonStore people;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    @Test
    @Order(0)
    @DisplayName("while the demo orgs do not reach the replica, the filler gives up after the configured wait and says so")
    void givesUpWithALogLine(CapturedOutput output) {
        DemoPeopleFiller impatient = new DemoPeopleFiller(store, tree, entry, people, outbox, transaction, clock,
                Duration.ofMillis(500), Duration.ofMillis(100));
        long started = System.nanoTime();

        impatient.fillWhenReady();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(output).contains("demo people not created: the demo orgs under 团浙江省委 did not reach the "
                + "org tree replica within PT0.5S");
        assertThat(count("select count(*) from person")).isZero();
    }

    @Test
    @Order(1)
    @DisplayName("demo orgs reaching the replica after startup are filled with people once, even with fills racing")
    void lateOrgsAreFilled() throws Exception {
        Thread.sleep(1500);
        assertThat(count("select count(*) from person")).as("no demo orgs yet, no people").isZero();

        orgs = new DemoTree(jdbc).insert(YEAR).ids;
        var first = CompletableFuture.supplyAsync(filler::fillIfReady);
        var second = CompletableFuture.supplyAsync(filler::fillIfReady);

        assertThat(List.of(first.get(), second.get())).allMatch(OptionalInt::isPresent);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("select count(*) from person") < PLAN.size() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // the background fill, if it was the one that filled, has committed; none may follow
        assertThat(count("select count(*) from person")).isEqualTo(PLAN.size());
        assertThat(first.get().getAsInt() + second.get().getAsInt()).isIn(0, PLAN.size());
    }

    @Test
    @Order(2)
    @DisplayName("R-MEM-1 R-MEM-2 the counts: the planned members in every branch, cadres with their posts in the committees")
    void counts() {
        Map<String, Long> membersPlanned = PLAN.stream().filter(p -> p.role() == EntryRole.MEMBER)
                .collect(Collectors.groupingBy(DemoPerson::orgName, Collectors.counting()));
        membersPlanned.forEach((branch, planned) -> assertThat(
                count("select count(*) from membership where branch_id = ?", orgs.get(branch))).as(branch)
                .isEqualTo(planned.intValue()));
        assertThat(count("select count(*) from post")).isEqualTo((int) PLAN.stream()
                .filter(p -> p.role() == EntryRole.CADRE).count());
        assertThat(count("select count(*) from membership")).isEqualTo(membersPlanned.values().stream()
                .mapToInt(Long::intValue).sum());
        for (String admin : List.of(DemoPeople.PROVINCE_ADMIN, DemoPeople.CITY_ADMIN, DemoPeople.COUNTY_ADMIN,
                DemoPeople.UNIVERSITY_ADMIN, DemoPeople.PARK_ADMIN, DemoPeople.STREET_ADMIN, DemoPeople.CENTRAL_ADMIN,
                DemoPeople.COMPUTING_ADMIN, DemoPeople.ECONOMICS_ADMIN, DemoPeople.COMPUTING_CLASS_ADMIN,
                DemoPeople.ECONOMICS_CLASS_ADMIN)) {
            assertThat(count("""
                    select count(*) from post p join person using (id_number)
                      join org_replica.org_admin a on a.org_id = p.org_id and a.id_number = p.id_number
                     where p.id_number = ? and p.title = '书记' and mobile is not null""", admin))
                    .as(admin).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    @DisplayName("R-ID-4 R-MEM-3 R-MEM-4 R-MEM-5 the people entered pass the entry rules: ages, join ages, development numbers with segment 33")
    void entryRules() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Map<String, Object>> members = jdbc.sql("""
                        select p.birth_date, p.join_date, p.development_number
                          from person p join membership m using (id_number)""").query().listOfRows();
        assertThat(members).isNotEmpty().allSatisfy(row -> {
            LocalDate birth = ((java.sql.Date) row.get("birth_date")).toLocalDate();
            LocalDate join = ((java.sql.Date) row.get("join_date")).toLocalDate();
            assertThat(AgeRule.ageOn(birth, today)).isBetween(14, 27);
            assertThat(AgeRule.ageOn(birth, join)).isGreaterThanOrEqualTo(14);
            String number = (String) row.get("development_number");
            if (join.getYear() >= 2017) {
                assertThat(number).hasSize(12).startsWith(Integer.toString(join.getYear()));
                assertThat(number.substring(4, 6)).isEqualTo("33");
            }
        });
        assertThat(count("select count(distinct development_number) from person"))
                .isEqualTo(count("select count(development_number) from person"));
    }

    @Test
    @Order(4)
    @DisplayName("R-STAT-3 R-MEM-6 every demo branch lists someone incomplete; so does the university's cadre list")
    void incompletePeopleShow() {
        PLAN.stream().filter(p -> p.role() == EntryRole.MEMBER).map(DemoPerson::orgName).distinct()
                .forEach(branch -> assertThat(incomplete.page(DemoPeople.PROVINCE_ADMIN, orgs.get(branch), "", 50)
                        .items()).as(branch).isNotEmpty());
        assertThat(incomplete.page(DemoPeople.UNIVERSITY_ADMIN, orgs.get(DemoPeople.UNIVERSITY), "", 50).items())
                .extracting(IncompletePeople.Entry::idNumber).containsExactly(DemoPeople.ANCHOR);
    }

    @Test
    @Order(5)
    @DisplayName("R-MEM-10 a delayed graduate and a teacher in this year's class branch, flagged and announced")
    void graduationFlags() {
        String delayed = jdbc.sql("select id_number from person where delayed_graduate").query(String.class).single();
        String teacher = jdbc.sql("select id_number from person where teacher").query(String.class).single();
        String graduatingBranch = DemoPeople.classBranches(YEAR).getFirst().name();

        assertThat(count("select count(*) from membership where id_number in (?, ?) and branch_id = ?", delayed,
                teacher, orgs.get(graduatingBranch))).isEqualTo(2);
        assertThat(count("select count(*) from person p join membership m using (id_number) where p.graduate "
                + "and m.branch_id = ?", orgs.get(DemoPeople.TEMPORARY_BRANCH))).isEqualTo(4);
        String converted = DemoPeople.classBranches(YEAR).get(1).name();
        assertThat(count("select count(*) from person p join membership m using (id_number) where p.graduate "
                + "and m.branch_id = ?", orgs.get(converted))).as("R-GRAD-3 a class converted before the fill")
                .isEqualTo(count("select count(*) from membership where branch_id = ?", orgs.get(converted)))
                .isPositive();
        assertThat(count("select count(*) from person p join membership m using (id_number) where p.graduate "
                + "and m.branch_id = ?", orgs.get(graduatingBranch))).as("not converted yet: no graduates").isZero();
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            assertThat(reader.readUntilContains(delayed, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.key().equals(delayed)).map(r -> r.value()).toList())
                    .anyMatch(event -> event.contains("GraduationFlagsSet.v1") && event.contains("\"delayedGraduate\":true"))
                    .anyMatch(event -> event.contains("PersonEntered.v1"));
        }
    }

    @Test
    @Order(6)
    @DisplayName("a second run changes nothing")
    void secondRunChangesNothing() {
        int people = count("select count(*) from person");
        int events = count("select last_value from platform.outbox_event_id_seq");

        assertThat(filler.fillIfReady()).hasValue(0);
        assertThat(count("select count(*) from person")).isEqualTo(people);
        assertThat(count("select last_value from platform.outbox_event_id_seq")).as("no event published")
                .isEqualTo(events);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
