package cn.league.stats.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.org.OrgDomain;
import cn.league.stats.projection.Recompute;
import cn.league.stats.snapshot.Snapshots;
import cn.league.stats.support.RelayedEvents;
import cn.league.support.copy.CopyIn;
import cn.league.test.BareRoundTrip;
import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;
import cn.league.test.ServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 7, on the service's own code, real PostgreSQL and the embedded Kafka broker: a tree of about
 * 1,000,000 orgs (root, 32 provinces, 10 cities each, 10 counties each, 31 committees each, 9 branches each) and
 * 10,000,000 people (11 members in every branch, 2 cadres in every committee, the rest as members), written straight
 * into the replica and the projection's tables with COPY. It measures the full recompute (goal &lt; 60 s), the
 * hourly snapshot (&lt; 30 s) against a peer roll-up in SQL (ancestors from the path, grouped), events applied per
 * second from a backlog of PersonEntered (&ge; 20,000/s), a province's children progress over HTTP (p95 &lt; 50 ms)
 * and the operation centre's counts over 1,000,000 waiting items (p95 &lt; 20 ms), each recorded as a
 * {@link BenchFigure} (the HTTP ones against a bare HTTP round trip). {@code -Dbenchmark.stats.provinces} (32) and
 * {@code -Dbenchmark.stats.people} make the tree and the people smaller.
 * <pre>
 * ./mvnw -B -o -pl stats-service -am -Pbenchmark verify -Dtest=StatsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"league.stats.snapshot.cron=-", "league.stats.projection.concurrency=3"})
class StatsBenchmark {

    static final int PROVINCES = Integer.getInteger("benchmark.stats.provinces", 32);
    static final int CITIES = 10;
    static final int COUNTIES = 10;
    static final int COMMITTEES = 31;
    static final int BRANCHES = 9;
    static final int MEMBERS_PER_BRANCH = 11;
    static final long PEOPLE = Long.getLong("benchmark.stats.people", 10_000_000L);
    static final int EVENTS = Integer.getInteger("benchmark.stats.events", 200_000);
    static final int CALLS = 300;
    static final long BASE = 7_000_000_000L;
    static final String PROVINCE_ADMIN = "330106199001010011";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Recompute recompute;
    @Autowired
    Snapshots snapshots;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    long nextId = BASE;
    final List<Long> branches = new ArrayList<>();
    final List<Long> committees = new ArrayList<>();
    long firstProvince;

    @Test
    void nationalScale() throws Exception {
        long generating = System.nanoTime();
        generateTree();
        long people = generatePeople();
        generateWaitingItems();
        for (String table : List.of("org_replica.org", "person_fact", "pending_item")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        double generated = seconds(generating);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();

        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        CpuTime.Span recomputeCpu = CpuTime.span(backend);
        long started = System.nanoTime();
        int orgsWithFigures = recompute.run();
        double recomputed = seconds(started);
        String recomputeCpuText = words(recomputeCpu);
        double recomputeCpuSeconds = recomputeCpu.seconds();

        CpuTime.Span snapshotCpu = CpuTime.span(backend);
        started = System.nanoTime();
        assertThat(snapshots.take(Instant.now().truncatedTo(ChronoUnit.SECONDS))).isTrue();
        double snapshot = seconds(started);
        String snapshotCpuText = words(snapshotCpu);
        double snapshotCpuSeconds = snapshotCpu.seconds();
        long snapshotId = jdbc.sql("select max(id) from snapshot").query(Long.class).single();
        long snapshotRows = jdbc.sql("select count(*) from snapshot_figure where snapshot_id = ?").param(snapshotId)
                .query(Long.class).single();
        CpuTime.Span peerCpu = CpuTime.span(backend);
        started = System.nanoTime();
        long peerRows = peerRollUp(snapshotId + 1_000_000);
        double peer = seconds(started);
        String peerCpuText = words(peerCpu);
        assertThat(sums(snapshotId + 1_000_000)).as("the peer's figures are ours").isEqualTo(sums(snapshotId));

        double[] events = eventsApplied(backend);
        double eventsPerSecond = events[0];
        double eventsCpu = events[1];

        double bareRoundTrip = BareRoundTrip.httpMillis(port, 0.95, 2_000);
        ServiceApi api = new ServiceApi(port);
        assertThat(api.get(PROVINCE_ADMIN, "/api/stats/progress?orgId=" + firstProvince).status()).isEqualTo(200);
        double[] progress = latencies(api, "/api/stats/progress?orgId=" + firstProvince);
        double[] schoolProgress = latencies(api, "/api/stats/progress?orgId=" + firstProvince + "&domain=SCHOOL");
        double[] counts = latencies(api, "/api/stats/ops/counts?orgId=" + committees.getFirst());
        long orgs = branches.size() + committees.size() + 1 + PROVINCES * (1 + CITIES * (1 + COUNTIES));

        System.out.printf("""
                        == stats-service at national scale: %,d orgs, %,d people (generated with COPY in %.1f s; load %s) ==
                        full recompute from person facts: %.1f s, %,d orgs with figures (goal < 60 s); CPU %s
                        hourly snapshot (in-memory roll-up, deepest first, COPY): %.1f s, %,d rows (goal < 30 s); CPU %s
                        peer: roll-up in SQL (each org's figures to every ancestor on its path, grouped) into the same table: %.1f s, %,d rows; CPU %s; ratio peer/ours %.2f
                        events applied: %,.0f PersonEntered/s from a backlog of %,d (goal >= 20,000/s); CPU %.1f s (JVM + PostgreSQL): %,.0f events per CPU-second
                        province's children progress over HTTP: p50 %.1f ms, p95 %.1f ms (goal p95 < 50 ms); one domain: p95 %.1f ms
                        operation-centre counts over %,d waiting items: p50 %.1f ms, p95 %.1f ms (goal p95 < 20 ms)
                        """, orgs, people,
                generated, load, recomputed, orgsWithFigures, recomputeCpuText, snapshot, snapshotRows,
                snapshotCpuText, peer, peerRows, peerCpuText, peer / snapshot, eventsPerSecond, EVENTS, eventsCpu,
                EVENTS / eventsCpu, progress[0], progress[1], schoolProgress[1],
                WAITING_ITEMS, counts[0], counts[1]);
        BenchFigure.of("stats.national.recompute", recomputed, "s").atMost(60)
                .cpu(recomputeCpuSeconds * 1e6 / people, "s/1M people").record();
        BenchFigure.of("stats.national.snapshot", snapshot, "s").atMost(30).peer("roll-up in SQL", peer)
                .cpu(snapshotCpuSeconds * 1e6 / orgs, "ms/1000 orgs").record();
        BenchFigure.of("stats.national.events_applied", eventsPerSecond, "events/s").atLeast(20_000)
                .cpu(eventsCpu * 1e6 / EVENTS, "ms/1000 events").record();
        BenchFigure.of("stats.national.progress.p95", progress[1], "ms").atMost(50)
                .limit("GET liveness p95", bareRoundTrip).cpu(progress[2], "ms/call").record();
        BenchFigure.of("stats.national.progress_domain.p95", schoolProgress[1], "ms").lowerIsBetter()
                .limit("GET liveness p95", bareRoundTrip).cpu(schoolProgress[2], "ms/call").record();
        BenchFigure.of("stats.national.ops_counts.p95", counts[1], "ms").atMost(20)
                .limit("GET liveness p95", bareRoundTrip).cpu(counts[2], "ms/call").record();
    }

    static final int WAITING_ITEMS = 1_000_000;

    private void generateTree() {
        transaction.executeWithoutResult(status -> {
            CopyIn orgs = new CopyIn("org_replica.org (id, parent_id, path, type, domain, school_level, full_name,"
                    + " short_name, province_code, tree_root_id)", 1_000_000);
            long root = nextId++;
            orgs.row(root, null, root, "LEADING_BODY", "PARTY_AND_GOVERNMENT", null, "团中央", "团中央", null, null);
            OrgDomain[] domains = OrgDomain.values();
            for (int p = 0; p < PROVINCES; p++) {
                long province = nextId++;
                if (p == 0) {
                    firstProvince = province;
                }
                String provincePath = root + "." + province;
                orgs.row(province, root, provincePath, "LEADING_BODY", "PARTY_AND_GOVERNMENT", null, "团省委" + p,
                        "团省委" + p, 11 + p, province);
                for (int c = 0; c < CITIES; c++) {
                    long city = nextId++;
                    String cityPath = provincePath + "." + city;
                    orgs.row(city, province, cityPath, "LEADING_BODY", "PARTY_AND_GOVERNMENT", null, "团市委" + city,
                            "团市委" + city, 11 + p, province);
                    for (int k = 0; k < COUNTIES; k++) {
                        long county = nextId++;
                        String countyPath = cityPath + "." + county;
                        orgs.row(county, city, countyPath, "LEADING_BODY", "PARTY_AND_GOVERNMENT", null,
                                "团县委" + county, "团县委" + county, 11 + p, province);
                        for (int m = 0; m < COMMITTEES; m++) {
                            long committee = nextId++;
                            committees.add(committee);
                            OrgDomain domain = domains[m % (domains.length - 1)]; // never 党政机关 below a county
                            String level = domain == OrgDomain.SCHOOL ? "UNIVERSITY" : null;
                            String committeePath = countyPath + "." + committee;
                            orgs.row(committee, county, committeePath, "COMMITTEE", domain.name(), level,
                                    "团委" + committee, "团委" + committee, 11 + p, province);
                            for (int b = 0; b < BRANCHES; b++) {
                                long branch = nextId++;
                                branches.add(branch);
                                orgs.row(branch, committee, committeePath + "." + branch, "BRANCH", domain.name(),
                                        level, "团支部" + branch, "团支部" + branch, 11 + p, province);
                            }
                        }
                    }
                }
            }
            orgs.into(dataSource);
            jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?)")
                    .params(firstProvince, PROVINCE_ADMIN).update();
        });
    }

    /** 2 cadres a committee, then members, about 11 a branch; 4 in 5 complete. */
    private long generatePeople() {
        long person = 0;
        CopyIn rows = null;
        for (Long committee : committees) {
            for (int i = 0; i < 2; i++) {
                rows = flushIfFull(rows);
                rows.row(idNumber(person), null, "{" + committee + "}", person % 5 != 0);
                person++;
            }
        }
        int branch = 0;
        while (person < PEOPLE) {
            rows = flushIfFull(rows);
            rows.row(idNumber(person), branches.get(branch / MEMBERS_PER_BRANCH % branches.size()), "{}",
                    person % 5 != 0);
            person++;
            branch++;
        }
        store(rows);
        return person;
    }

    private CopyIn flushIfFull(CopyIn rows) {
        if (rows != null && rows.size() < 500_000) {
            return rows;
        }
        store(rows);
        return new CopyIn("person_fact (id_number, branch_id, post_org_ids, complete)", 500_000);
    }

    private void store(CopyIn rows) {
        if (rows != null) {
            transaction.executeWithoutResult(status -> rows.into(dataSource));
        }
    }

    private static String idNumber(long n) {
        return "B" + String.format("%017d", n);
    }

    /** A million transfers, registrations and migrations waiting, spread over the branches and committees. */
    private void generateWaitingItems() {
        transaction.executeWithoutResult(status -> {
            CopyIn items = new CopyIn("pending_item (kind, ref_id, org_id, parent_org_id, subject, waiting_since,"
                    + " due_at)", WAITING_ITEMS);
            Instant now = Instant.now();
            for (int i = 0; i < WAITING_ITEMS; i++) {
                int branch = i % branches.size();
                Instant since = now.minusSeconds(i % 900_000);
                items.row(i % 3 == 0 ? "REGISTRATION" : i % 3 == 1 ? "TRANSFER" : "MIGRATION", i, branches.get(branch),
                        committees.get(branch / BRANCHES), "压测" + i, since, since.plusSeconds(864_000));
            }
            items.into(dataSource);
        });
    }

    /**
     * The peer: in SQL, every org counts itself (R-STAT-1's rule per type) and its own people once for each ancestor
     * on its path, grouped by ancestor and domain, into the same table as a snapshot.
     */
    private long peerRollUp(long snapshotId) {
        return transaction.execute(status -> jdbc.sql("""
                insert into snapshot_figure (snapshot_id, org_id, parent_id, domain, leading_bodies,
                       leading_bodies_complete, bodies, bodies_complete, branches, branches_complete, members,
                       members_complete, cadres, cadres_complete)
                with own as (
                    select o.path, o.type, coalesce(o.domain, 'OTHER') as domain,
                           coalesce(f.members, 0) as members, coalesce(f.members_complete, 0) as members_complete,
                           coalesce(f.cadres, 0) as cadres, coalesce(f.cadres_complete, 0) as cadres_complete,
                           case when o.type = 'LEADING_BODY' then coalesce(f.cadres, 0) > 0
                                                                  and f.cadres_complete = f.cadres
                                when o.type in ('COMMITTEE', 'WORK_COMMITTEE', 'GENERAL_BRANCH')
                                     then coalesce(f.cadres_complete, 0) >= 2
                                else coalesce(f.people_complete, 0) >= 3 end as complete
                      from org_replica.org o left join org_figure f on f.org_id = o.id)
                select :snapshot, cast(a.ancestor as bigint),
                       cast(max(case when a.depth > 1 then (string_to_array(own.path, '.'))[a.depth - 1] end) as bigint),
                       own.domain,
                       count(*) filter (where type = 'LEADING_BODY'),
                       count(*) filter (where type = 'LEADING_BODY' and complete),
                       count(*) filter (where type in ('COMMITTEE', 'WORK_COMMITTEE', 'GENERAL_BRANCH')),
                       count(*) filter (where type in ('COMMITTEE', 'WORK_COMMITTEE', 'GENERAL_BRANCH') and complete),
                       count(*) filter (where type in ('BRANCH', 'PENDING_BRANCH', 'GRADUATE_BRANCH')),
                       count(*) filter (where type in ('BRANCH', 'PENDING_BRANCH', 'GRADUATE_BRANCH') and complete),
                       sum(members), sum(members_complete), sum(cadres), sum(cadres_complete)
                  from own cross join lateral unnest(string_to_array(own.path, '.')) with ordinality as a(ancestor, depth)
                 group by a.ancestor, own.domain""").param("snapshot", snapshotId).update());
    }

    private List<Long> sums(long snapshotId) {
        return jdbc.sql("""
                        select count(*), sum(leading_bodies_complete), sum(bodies_complete), sum(branches_complete),
                               sum(members), sum(members_complete), sum(cadres_complete), sum(parent_id)
                          from snapshot_figure where snapshot_id = ?""")
                .param(snapshotId)
                .query((row, n) -> List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)))
                .single();
    }

    private static String words(CpuTime.Span cpu) {
        return "%.1f s JVM + %.1f s PostgreSQL".formatted(cpu.jvm(), cpu.postgres());
    }

    /**
     * Stops the consumers, queues the events, starts them and times the backlog's application: events per second,
     * and the CPU seconds this JVM (the consumers, and the embedded broker serving them) and PostgreSQL took.
     */
    private double[] eventsApplied(long backend) throws Exception {
        listeners.getAllListenerContainers().forEach(container -> container.stop());
        List<CompletableFuture<?>> sends = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String id = "E" + String.format("%017d", i);
            long branch = branches.get(i % branches.size());
            EventEnvelope<PersonEntered> event = EventEnvelope.wrap(PersonEntered.member(id, "压测", true, branch,
                    i % 5 != 0), id, null, null, Instant.now());
            sends.add(kafka.send(RelayedEvents.record(Topics.MEMBER_EVENTS, event))); // as the relay sends it
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        long before = applied();
        CpuTime.Span cpu = CpuTime.span(backend);
        long started = System.nanoTime();
        listeners.getAllListenerContainers().forEach(container -> container.start());
        while (applied() - before < EVENTS && seconds(started) < 600) {
            Thread.sleep(200);
        }
        double took = seconds(started);
        double cpuSeconds = cpu.seconds();
        assertThat(applied() - before).isEqualTo(EVENTS);
        return new double[] {EVENTS / took, cpuSeconds};
    }

    private long applied() {
        return jdbc.sql("select count(*) from platform.consumed_event where consumer = 'stats-projection'")
                .query(Long.class).single();
    }

    /** p50 and p95 of {@value #CALLS} calls, in ms, after a warm-up, and the CPU ms per call (JVM + PostgreSQL). */
    private double[] latencies(ServiceApi api, String path) {
        for (int i = 0; i < 50; i++) {
            api.get(PROVINCE_ADMIN, path);
        }
        CpuTime.Span cpu = CpuTime.span(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
        double[] millis = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            assertThat(api.get(PROVINCE_ADMIN, path).status()).isEqualTo(200);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        double cpuPerCall = cpu.seconds() * 1000 / CALLS;
        Arrays.sort(millis);
        return new double[] {millis[CALLS / 2], millis[(int) (CALLS * 0.95)], cpuPerCall};
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
