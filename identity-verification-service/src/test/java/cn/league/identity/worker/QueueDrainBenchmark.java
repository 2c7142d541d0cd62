package cn.league.identity.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.identity.support.CentreProcess;
import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

/**
 * Issue 12 item 7: a queue of people (default 1,000,000; {@code -Dbenchmark.people}) drained against the centre's own
 * process set to a quota of 5,000 pairs/s, 2 % transient 500s and 20 ms per request. Prints the sustained rate as a
 * share of the quota, the time to drain, the CPU of this service (JVM and PostgreSQL) and of the centre per 1,000
 * verifications, and how far the queue falls behind a 20,000 rows/s import. The peer, in the same run: the same
 * worker sending one batch at a time, claimed and written batch by batch, as a plain worker loop would, on a tenth of
 * the people. The service JVM's CPU includes the Kafka broker the test runs in it (the relay publishes every verdict).
 * Records ({@link BenchFigure}) the sustained rate as a share of the quota, goal at least 95 %, beside the peer's.
 * Run: {@code ./mvnw -B -pl identity-verification-service -am -Pbenchmark verify -Dtest=QueueDrainBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@SpringBootTest(properties = {"league.identity.worker.enabled=false",
        "league.identity.centre.client-secret=" + CentreProcess.CLIENT_SECRET})
class QueueDrainBenchmark {

    @DynamicPropertySource
    static void centre(DynamicPropertyRegistry registry) {
        registry.add("league.identity.centre.url", () -> CentreProcess.get().url());
    }

    private static final int QUOTA = 5_000;
    private static final int IMPORT_ROWS_PER_SECOND = 20_000;
    private static final int THREADS = 3; // as application.properties: 3 claims of 4 batches in flight
    private static final int BATCHES_PER_CLAIM = 4;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VerificationWorker worker;

    @Test
    void drainsTheQueueAtTheCentresQuota() throws InterruptedException {
        int people = Integer.getInteger("benchmark.people", 1_000_000);
        CentreProcess centre = CentreProcess.get();
        centre.settings("{\"down\":false,\"errorRate\":0.02,\"latencyMillis\":20,\"quotaPerSecond\":" + QUOTA
                + ",\"maxBatch\":100}");

        Drain peer = drain(people / 10, 1, 1, centre);
        Drain guarded = drain(people, THREADS, BATCHES_PER_CLAIM, centre);

        System.out.printf(Locale.ROOT, """
                        identity verification: %,d queued people, centre quota %,d pairs/s, 2 %% transient errors
                          3 claims of 4 batches in flight: drained in %.1f s, %,.0f verifications/s = %.1f %% of the quota \
                        (sustained, from the 10th to the 90th percent verified: %,.0f/s = %.1f %%); \
                        CPU per 1,000: service JVM %.3f s, PostgreSQL %.3f s, centre %.3f s; %,d batches back to the queue (retries exhausted)
                          peer, 1 batch at a time (%,d people): %,.0f verifications/s = %.1f %% of the quota
                          ratio: %.2fx
                          behind a %,d rows/s import of %,d people: the queue grows %,.0f a second while it runs \
                        (%.0f s), %,.0f waiting when it ends, drained %.0f s after it began
                        """, people, QUOTA, guarded.seconds, guarded.rate(), 100 * guarded.rate() / QUOTA,
                guarded.sustainedRate, 100 * guarded.sustainedRate / QUOTA,
                guarded.jvmCpu / people * 1000, guarded.postgresCpu / people * 1000,
                guarded.centreCpu / people * 1000, guarded.failedBatches,
                peer.people, peer.rate(), 100 * peer.rate() / QUOTA, guarded.rate() / peer.rate(),
                IMPORT_ROWS_PER_SECOND, people, IMPORT_ROWS_PER_SECOND - guarded.rate(),
                (double) people / IMPORT_ROWS_PER_SECOND,
                people - guarded.rate() * people / IMPORT_ROWS_PER_SECOND, people / guarded.rate());
        BenchFigure.of("identity.drain.sustained_share_of_quota", 100 * guarded.sustainedRate / QUOTA, "%")
                .atLeast(95).peer("one batch at a time", 100 * peer.sustainedRate / QUOTA)
                .cpu((guarded.jvmCpu + guarded.postgresCpu + guarded.centreCpu) * 1e6 / people,
                        "ms/1000 verifications")
                .record();
        centre.normal();
    }

    private record Drain(int people, double seconds, double jvmCpu, double postgresCpu, double centreCpu,
                         int failedBatches, double sustainedRate) {

        double rate() {
            return people / seconds;
        }
    }

    private Drain drain(int people, int threads, int batchesPerClaim, CentreProcess centre)
            throws InterruptedException {
        jdbc.sql("truncate person, person_org, check_result, check_batch").update();
        queue(people);
        // as autovacuum would soon after a campaign's first import: the claim's plan is made on the table's real size
        jdbc.sql("analyze person").update();
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        double jvm = CpuTime.jvmSeconds();
        double postgres = CpuTime.postgresSeconds(backend);
        double centreCpu = cpuSeconds(centre.pid());
        long started = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        if (worker.runOnce(batchesPerClaim) == 0) {
                            return;
                        }
                    } catch (RuntimeException notAnswered) {
                        // the batch went back to the queue; the next call takes it again
                    }
                }
            });
        }
        for (Thread thread : workers) {
            thread.join(Duration.ofHours(2));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int left = jdbc.sql("select count(*) from person where status = 'UNVERIFIED'").query(Integer.class).single();
        if (left > 0) {
            throw new AssertionError(left + " people left unverified");
        }
        return new Drain(people, seconds, CpuTime.jvmSeconds() - jvm, CpuTime.postgresSeconds(backend) - postgres,
                cpuSeconds(centre.pid()) - centreCpu,
                jdbc.sql("select count(*) from check_batch where outcome = 'FAILED'").query(Integer.class).single(),
                sustainedRate(people));
    }

    /**
     * Verifications per second between the moments 10 % and 90 % of the people had their verdict written, from the
     * batches' own finish times (read afterwards: nothing samples the queue while it drains), without the start's
     * and the end's ramps.
     */
    private double sustainedRate(int people) {
        return jdbc.sql("""
                        with done as (
                            select finished_at, sum(passed + failed) over (order by finished_at, id) as verified
                              from check_batch where outcome = 'ANSWERED')
                        select (max(verified) filter (where verified <= ?) - min(verified) filter (where verified >= ?))
                               / extract(epoch from max(finished_at) filter (where verified <= ?)
                                                   - min(finished_at) filter (where verified >= ?))
                          from done""")
                .params(people * 0.9, people * 0.1, people * 0.9, people * 0.1)
                .query(Double.class).single();
    }

    /** CPU seconds (user + system) of one process, from /proc (clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** {@code people} valid, distinct ID numbers (check digit per GB 11643) due now, as member-service's events leave them. */
    private void queue(int people) {
        jdbc.sql("""
                insert into person (id_number, name, due_at)
                select f || substr('10X98765432', cast((select sum(substr(f, cast(i as int), 1)::int * w)
                                                          from unnest(array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])
                                                               with ordinality as weight (w, i)) % 11 + 1 as int), 1),
                       '测试' || n, now()
                  from (select n, '330106' || to_char(date '1990-01-01' + n % 5000, 'YYYYMMDD')
                                  || lpad((n / 5000 % 990)::text, 3, '0') as f
                          from generate_series(0, cast(? as int) - 1) n) numbers""")
                .param(people).update();
    }
}
