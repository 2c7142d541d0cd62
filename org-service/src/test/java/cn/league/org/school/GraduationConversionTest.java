package cn.league.org.school;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.org.scope.Scope;
import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.outbox.Outbox;

import static cn.league.org.support.OrgEvents.data;
import static cn.league.org.support.OrgEvents.envelope;
import static cn.league.org.support.OrgEvents.read;
import static cn.league.org.support.OrgEvents.readFor;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.TIANJIN;
import static cn.league.org.support.People.TIANJIN_ADMIN;
import static cn.league.org.support.People.UNIVERSITY_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraduationConversionTest {

    static final String CENTRAL_ADMIN = "110101197001010010";
    static final String RAILWAY_ADMIN = "110101197001010037";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GraduationConversion conversion;
    @Autowired
    GraduationSchedule schedule;
    @Autowired
    SchoolStore store;
    @Autowired
    Scope scope;
    @Autowired
    Outbox outbox;
    @Autowired
    ExclusiveBatches batches;
    @Autowired
    DataSource dataSource;
    @Autowired
    OrgStore orgs;
    @Autowired
    PlatformTransactionManager transactions;

    OrgApi api;
    SchoolTree tree;
    /**
     * A year no other test of this JVM marks (its events stay on the shared topic), so that converting it touches
     * and announces only this test's branches; a test may mark the next year too.
     */
    static final AtomicInteger UNUSED_YEARS = new AtomicInteger(2100);
    int year;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        tree = SchoolTree.create(api);
        api.makeAdmin(CENTRAL_ADMIN, 1);
        api.makeAdmin(RAILWAY_ADMIN, 34);
        year = UNUSED_YEARS.getAndAdd(2);
        jdbc.sql("update org set graduation_year = null where graduation_year = ?").param(year).update();
    }

    @Test
    @DisplayName("R-GRAD-3 this year's marked branches become graduate branches and BranchesGraduated says which; "
            + "a second run changes and publishes nothing")
    void convertsOnceAndAnnounces() {
        markDirectly(tree.classA(), year);
        markDirectly(tree.classB(), year + 1);

        var run = api.post(CENTRAL_ADMIN, "/api/orgs/graduation-conversions", "{\"year\":" + year + "}");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("converted").asInt()).isEqualTo(1);
        assertThat(typeOf(tree.classA())).isEqualTo("GRADUATE_BRANCH");
        assertThat(typeOf(tree.classB())).as("marked for another year").isEqualTo("BRANCH");

        try (var events = OrgEvents.reader()) {
            var graduated = read(events, "BranchesGraduated.v1", seen -> !ofYear(seen, year).isEmpty(),
                    Duration.ofSeconds(20));
            assertThat(ofYear(graduated, year)).singleElement().satisfies(event -> {
                assertThat(event.key()).isEqualTo("2");
                assertThat(envelope(event).orgPath()).isEqualTo("1.2");
                assertThat(idsOf(List.of(event))).containsExactly(tree.classA());
            });

            var again = api.post(CENTRAL_ADMIN, "/api/orgs/graduation-conversions", "{\"year\":" + year + "}");
            assertThat(again.json().path("converted").asInt()).isZero();
            assertThat(ofYear(readFor(events, "BranchesGraduated.v1", Duration.ofSeconds(3)), year)).hasSize(1);
        }
        assertThat(api.get(UNIVERSITY_ADMIN, "/api/orgs/" + tree.classA()).json().path("type").asString())
                .isEqualTo("GRADUATE_BRANCH");
        assertThat(api.put(UNIVERSITY_ADMIN, "/api/orgs/" + tree.classA() + "/graduation-year", "{\"graduationYear\":null}")
                .code()).as("a graduate branch is no longer marked").isEqualTo("GRADUATION_MARK_NOT_A_BRANCH");
    }

    @Test
    @DisplayName("R-GRAD-3 a service started after the conversion date catches up at once: this year's marked branches "
            + "convert as it becomes ready, not at the next daily run; started before the date, it converts nothing")
    void catchUpAtStartup() throws Exception {
        markDirectly(tree.classA(), year);
        ZoneId beijing = ZoneId.of("Asia/Shanghai");

        new GraduationCatchUp(new GraduationSchedule(conversion, java.time.Clock.fixed(
                LocalDate.of(year, 5, 31).atTime(23, 0).atZone(beijing).toInstant(), beijing))).start().join();
        assertThat(typeOf(tree.classA())).as("before 06-01").isEqualTo("BRANCH");

        new GraduationCatchUp(new GraduationSchedule(conversion, java.time.Clock.fixed(
                LocalDate.of(year, 12, 2).atTime(10, 0).atZone(beijing).toInstant(), beijing))).start().join();
        assertThat(typeOf(tree.classA())).as("a stack started in December").isEqualTo("GRADUATE_BRANCH");
    }

    @Test
    @DisplayName("R-GRAD-3 a branch marked with this year once the conversion date has come graduates at once, with its "
            + "mark, announced as the yearly run announces; marked before the date, it waits for the date; a branch "
            + "marked for a later year stays a branch")
    void markAfterTheDate() {
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        var inMay = new GraduationMarks(orgs, store, outbox, conversion, java.time.Clock.fixed(
                LocalDate.of(year, 5, 31).atTime(23, 0).atZone(beijing).toInstant(), beijing));
        var inDecember = new GraduationMarks(orgs, store, outbox, conversion, java.time.Clock.fixed(
                LocalDate.of(year, 12, 2).atTime(10, 0).atZone(beijing).toInstant(), beijing));

        assertThat(mark(inMay, tree.classB(), year))
                .singleElement()
                .satisfies(org -> assertThat(org.type().name()).isEqualTo("BRANCH"));
        assertThat(typeOf(tree.classB())).as("marked before the date").isEqualTo("BRANCH");

        assertThat(mark(inDecember, tree.classA(), year))
                .singleElement()
                .satisfies(org -> assertThat(org.type().name()).isEqualTo("GRADUATE_BRANCH"));
        assertThat(typeOf(tree.classA())).isEqualTo("GRADUATE_BRANCH");
        assertThat(mark(inDecember, tree.classB(), year + 1))
                .singleElement()
                .satisfies(org -> assertThat(org.type().name()).isEqualTo("BRANCH"));
        try (var events = OrgEvents.reader()) {
            var graduated = read(events, "BranchesGraduated.v1", seen -> !ofYear(seen, year).isEmpty(),
                    Duration.ofSeconds(20));
            assertThat(idsOf(ofYear(graduated, year))).containsExactly(tree.classA());
        }
        assertThat(conversion.convert(year)).as("nothing left for the yearly run").isZero();
    }

    @Test
    @DisplayName("R-GRAD-3 two runs at the same moment (as on two replicas) convert each branch exactly once, "
            + "announced in bounded events, one per provincial tree")
    void concurrentRuns() throws Exception {
        long tianjinSchool = api.createChild(TIANJIN_ADMIN, TIANJIN, "COMMITTEE", "SCHOOL", "SENIOR_HIGH", null, "天津某高中团委");
        List<Long> branches = new ArrayList<>(insertBranches(tree.college(), 300));
        branches.addAll(insertBranches(tianjinSchool, 120));
        int batchSize = 50;
        var smallBatches = new GraduationConversion(store, scope, outbox, batches, "06-01", batchSize);

        CountDownLatch start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> await(start, () -> smallBatches.convert(year)));
        var second = CompletableFuture.supplyAsync(() -> await(start, () -> conversion.convert(year)));
        start.countDown();
        assertThat(first.get() + second.get()).isEqualTo(branches.size());
        assertThat(jdbc.sql("select count(*) from org where graduation_year = ? and type = 'GRADUATE_BRANCH'")
                .param(year).query(Integer.class).single()).isEqualTo(branches.size());
        assertThat(conversion.convert(year)).isZero();

        try (var events = OrgEvents.reader()) {
            var graduated = ofYear(read(events, "BranchesGraduated.v1",
                    seen -> idsOf(ofYear(seen, year)).size() >= branches.size(), Duration.ofSeconds(30)), year);
            List<Long> announced = idsOf(graduated);
            assertThat(announced).hasSize(branches.size()).containsExactlyInAnyOrderElementsOf(branches);
            assertThat(graduated).allSatisfy(event ->
                    assertThat(event.key()).isIn("2", String.valueOf(TIANJIN)));
            assertThat(graduated).allSatisfy(event -> assertThat(data(event).path("orgIds").size())
                    .isLessThanOrEqualTo(1000));
            Set<String> keys = new HashSet<>();
            graduated.forEach(event -> keys.add(event.key()));
            assertThat(keys).containsExactlyInAnyOrder("2", "3");
        }
    }

    @Test
    @DisplayName("R-GRAD-3 the yearly job converts from the configured date (default 06-01) on, not before")
    void conversionDate() {
        markDirectly(tree.classA(), year);
        assertThat(conversion.convertIfDue(LocalDate.of(year, 5, 31))).isZero();
        assertThat(typeOf(tree.classA())).isEqualTo("BRANCH");
        assertThat(conversion.convertIfDue(LocalDate.of(year, 6, 1))).isEqualTo(1);
        assertThat(typeOf(tree.classA())).isEqualTo("GRADUATE_BRANCH");
    }

    @Test
    @DisplayName("R-GRAD-3 one replica converts at a time: while another holds the job, a run here does nothing; "
            + "the next run converts")
    void oneReplicaAtATime() throws Exception {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        markDirectly(tree.classA(), thisYear);
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (var lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, GraduationConversion.JOB);
                lock.execute();
            }
            schedule.run();
            assertThat(typeOf(tree.classA())).as("the other replica holds the job").isEqualTo("BRANCH");
            otherReplica.rollback();
        }
        schedule.run();
        assertThat(typeOf(tree.classA())).isEqualTo("GRADUATE_BRANCH");
    }

    @Test
    @DisplayName("R-SCOPE-1 the ops run is for 团中央's admins: a province's admin (a child) and a system committee's admin "
            + "(a sibling of the provinces) are refused")
    void opsRunScope() {
        markDirectly(tree.classA(), year);
        for (String outsider : new String[] {BEIJING_ADMIN, RAILWAY_ADMIN}) {
            var refused = api.post(outsider, "/api/orgs/graduation-conversions", "{\"year\":" + year + "}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("CENTRAL_ADMIN_ONLY");
        }
        assertThat(typeOf(tree.classA())).isEqualTo("BRANCH");
    }

    /** Built here with a fixed clock, without Spring's proxy: the mark in a transaction as the service's own. */
    private List<Org> mark(GraduationMarks marks, long branchId, int graduationYear) {
        return new TransactionTemplate(transactions).execute(
                status -> marks.mark(UNIVERSITY_ADMIN, List.of(branchId), graduationYear));
    }

    private void markDirectly(long branchId, int graduationYear) {
        jdbc.sql("update org set graduation_year = ? where id = ?").params(graduationYear, branchId).update();
    }

    private List<Long> insertBranches(long parentId, int count) {
        return jdbc.sql("""
                        insert into org (id, parent_id, path, type, domain, school_level, full_name, short_name,
                                         province_code, tree_root_id, graduation_year)
                        select n, parent.id, (parent.path::text || '.' || n)::ltree, 'BRANCH', 'SCHOOL', parent.school_level,
                               '班级团支部' || n, '班级团支部' || n, parent.province_code, parent.tree_root_id, ?
                        from org parent, (select nextval('org_id_seq') as n from generate_series(1, ?)) ids
                        where parent.id = ?
                        returning id""")
                .params(year, count, parentId)
                .query(Long.class).list();
    }

    private String typeOf(long orgId) {
        return jdbc.sql("select type from org where id = ?").param(orgId).query(String.class).single();
    }

    private static List<ConsumerRecord<String, String>> ofYear(List<ConsumerRecord<String, String>> events, int year) {
        return events.stream().filter(event -> data(event).path("year").asInt() == year).toList();
    }

    private static List<Long> idsOf(List<ConsumerRecord<String, String>> events) {
        List<Long> ids = new ArrayList<>();
        events.forEach(event -> data(event).path("orgIds").forEach(id -> ids.add(id.asLong())));
        return ids;
    }

    private static int await(CountDownLatch start, java.util.function.IntSupplier run) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return run.getAsInt();
    }
}
