package cn.league.importing.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;
import cn.league.importing.parse.Workbooks;
import cn.league.importing.support.MemberServiceStandIn;
import cn.league.importing.support.TreeReplica;
import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 7 with two workers in one JVM (the replicas' worker loop switched off, workers driven by hand): a worker that
 * dies mid-file, jobs shared by two workers, a job cancelled while it runs. The system test kills a real replica.
 */
@SpringBootTest(properties = {"league.import.jobs-per-replica=0", "league.import.batch-size=100"})
class JobTakeoverTest {

    static final MemberServiceStandIn MEMBER_SERVICE = new MemberServiceStandIn();
    static final AtomicInteger IDS = new AtomicInteger(50_000_000);
    static final Duration LEASE = Duration.ofSeconds(1);
    static final String UPLOADER = "120101199001010022";

    @DynamicPropertySource
    static void memberService(DynamicPropertyRegistry properties) {
        properties.add("league.member-service.url", MEMBER_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        MEMBER_SERVICE.close();
    }

    @Autowired
    JobStore store;
    @Autowired
    ImportRun run;
    @Autowired
    JdbcClient jdbc;

    static TreeReplica.Standard tree;

    @BeforeEach
    void tree() {
        if (tree == null) {
            // admins of their own (another test class's admins of the same IDs would administer two orgs)
            tree = new TreeReplica(jdbc).standard("120101199001010011", UPLOADER, "120101199001010033");
        }
        // jobs of other tests are finished: none left for these workers to pick
        jdbc.sql("update import_job set status = 'DONE' where status in ('QUEUED', 'RUNNING')").update();
    }

    static List<String> ids(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add("%018d".formatted(IDS.incrementAndGet()));
        }
        return ids;
    }

    UUID job(String uploader, List<String> ids) {
        List<List<String>> rows = ids.stream().map(id -> Arrays.asList("某公司一支部", "团员", "某人", id, "汉族",
                "共青团员", "大学本科", "2015-05-04")).toList();
        return store.create(uploader, tree.committee(), Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, "名单.xlsx",
                Workbooks.filled(Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, rows)).id();
    }

    @Test
    @DisplayName("R-IMP-2 a worker dies mid-file after member-service stored a batch it never recorded; another takes the job over once its lease ran out and resumes it: every row stored exactly once")
    void takeOverAfterCrash() {
        List<String> ids = ids(1000);
        UUID id = job(UPLOADER, ids);

        ImportJob claimed = store.claim("dead", Duration.ofMinutes(10)).orElseThrow();
        AtomicInteger checks = new AtomicInteger();
        run.run(claimed, "dead", () -> checks.incrementAndGet() <= 3); // dies before its fourth batch
        // ... and its third batch, stored by member-service, was never recorded (the crash came before that commit)
        jdbc.sql("""
                update import_job set resume_after_row = 202, rows_checked = 200, rows_imported = 200
                 where id = ?""").param(id).update();
        assertThat(ids.subList(200, 300)).allMatch(MEMBER_SERVICE::holds);
        assertThat(ids.subList(300, 1000)).noneMatch(MEMBER_SERVICE::holds);

        assertThat(store.claim("alive", LEASE)).as("held while the dead worker's lease runs").isEmpty();
        // ten minutes pass: the dead worker renewed nothing
        jdbc.sql("update import_job set lease_until = now() - interval '1 second' where id = ?").param(id).update();
        ImportJob resumed = store.claim("alive", LEASE).orElseThrow();
        assertThat(resumed.resumeAfterRow()).isEqualTo(202);
        run.run(resumed, "alive", () -> true);

        ImportJob done = store.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(done.summary()).isEqualTo("成功导入 1000 位团员, 0 位团员导入失败");
        assertThat(done.rowsAlready()).isEqualTo(100);
        assertThat(ids).allMatch(person -> MEMBER_SERVICE.imported().get(person).get() == 1);
        assertThat(ids.subList(0, 200)).allMatch(person -> MEMBER_SERVICE.receivedTimes(person) == 1);
        assertThat(ids.subList(200, 300)).allMatch(person -> MEMBER_SERVICE.receivedTimes(person) == 2);
        assertThat(ids.subList(300, 1000)).allMatch(person -> MEMBER_SERVICE.receivedTimes(person) == 1);
    }

    @Test
    @DisplayName("two workers share the jobs of several uploaders (SELECT … FOR UPDATE SKIP LOCKED) without running one twice")
    void twoWorkersShareJobs() throws Exception {
        List<List<String>> files = new ArrayList<>();
        List<UUID> jobs = new ArrayList<>();
        for (int uploader = 0; uploader < 6; uploader++) {
            List<String> ids = ids(300);
            files.add(ids);
            jobs.add(job("11010119900101%04d".formatted(uploader), ids));
        }
        Map<UUID, String> ranBy = new ConcurrentHashMap<>();
        AtomicInteger claimedTwice = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (String worker : List.of("A", "B")) {
            workers.add(Thread.ofVirtual().start(() -> {
                for (Optional<ImportJob> next = store.claim(worker, Duration.ofMinutes(1)); next.isPresent();
                     next = store.claim(worker, Duration.ofMinutes(1))) {
                    if (ranBy.putIfAbsent(next.get().id(), worker) != null) {
                        claimedTwice.incrementAndGet();
                    }
                    run.run(next.get(), worker, () -> true);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(2));
        }

        assertThat(claimedTwice).hasValue(0);
        assertThat(ranBy.keySet()).containsAll(jobs);
        assertThat(jobs).allMatch(job -> store.find(job).orElseThrow().status() == ImportJob.Status.DONE);
        assertThat(files.stream().flatMap(List::stream)).allMatch(person -> MEMBER_SERVICE.receivedTimes(person) == 1);
    }

    @Test
    @DisplayName("a job cancelled while it runs stops after the batch in flight, which is counted; a cancelled job is never claimed again")
    void cancelWhileRunning() {
        List<String> ids = ids(1000);
        UUID id = job(UPLOADER, ids);
        ImportJob claimed = store.claim("A", LEASE.multipliedBy(30)).orElseThrow();
        AtomicInteger checks = new AtomicInteger();

        run.run(claimed, "A", () -> {
            if (checks.incrementAndGet() == 3) {
                store.cancel(id);
            }
            return store.renew(id, "A", LEASE.multipliedBy(30));
        });

        ImportJob cancelled = store.find(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(ImportJob.Status.CANCELLED);
        assertThat(cancelled.rowsChecked()).isEqualTo(200);
        assertThat(ids.subList(200, 1000)).noneMatch(MEMBER_SERVICE::holds);
        assertThat(store.claim("B", LEASE)).isEmpty();
    }

    @Test
    @DisplayName("R-IMP-2 member-service answering garbage: the job pauses 10 s, 20 s, 40 s, 80 s and the fifth failed run fails it with IMPORT_BROKEN, the rows stored before staying; member-service out of reach pauses it without counting")
    void garbageAnswersGiveUp() {
        List<String> ids = ids(300);
        UUID id = job(UPLOADER, ids);
        List<String[]> garbage = List.of(new String[] {"200", "<html>502 Bad Gateway</html>"},
                new String[] {"200", "{\"rows\":[]}"}, new String[] {"500", "{\"error\":\"oops\"}"},
                new String[] {"400", "bad request"}, new String[] {"200", "null"});
        try {
            // the first batch is stored, then member-service answers garbage
            AtomicInteger checks = new AtomicInteger();
            run.run(claimNow(id), "A", () -> {
                if (checks.incrementAndGet() == 2) {
                    await(() -> MEMBER_SERVICE.holds(ids.get(99)));
                    MEMBER_SERVICE.answer(200, garbage.getFirst()[1]);
                }
                return true;
            });
            assertThat(pause(id)).isEqualTo(new Pause("RUNNING", 1, 10));
            assertThat(store.find(id).orElseThrow().rowsImported()).isEqualTo(100);

            MEMBER_SERVICE.answer(503, "maintenance");
            run.run(claimNow(id), "A", () -> true);
            assertThat(pause(id)).as("out of reach: the usual pause, not counted").isEqualTo(new Pause("RUNNING", 1, 10));

            for (int failure = 2; failure <= 4; failure++) {
                MEMBER_SERVICE.answer(Integer.parseInt(garbage.get(failure - 1)[0]), garbage.get(failure - 1)[1]);
                run.run(claimNow(id), "A", () -> true);
                assertThat(pause(id)).isEqualTo(new Pause("RUNNING", failure, 10 << (failure - 1)));
            }
            MEMBER_SERVICE.answer(200, garbage.get(4)[1]);
            run.run(claimNow(id), "A", () -> true);
        } finally {
            MEMBER_SERVICE.answer(0, null);
        }

        ImportJob broken = store.find(id).orElseThrow();
        assertThat(broken.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(broken.problemCode()).isEqualTo("IMPORT_BROKEN");
        assertThat(broken.problemDetail()).isEqualTo(
                "导入多次因系统异常中断,已停止;已成功导入的 100 位团员保留不变,请重新上传该文件(已导入的团员不会重复导入)");
        assertThat(ImportView.of(broken).problem().rule()).isEqualTo("R-IMP-2");
        assertThat(ids.subList(0, 100)).allMatch(MEMBER_SERVICE::holds);
        assertThat(ids.subList(100, 300)).noneMatch(MEMBER_SERVICE::holds);
        assertThat(store.claim("B", LEASE)).as("a failed job is never claimed again").isEmpty();
        try (TopicReader importEvents = new TopicReader(TestKafka.bootstrapServers(), Topics.IMPORT_EVENTS)) {
            ImportFinished told = EventJson.dataAs(EventJson.read(importEvents.await(record -> record.key()
                    .equals(id.toString()), Duration.ofSeconds(30)).orElseThrow().value()), ImportFinished.class);
            assertThat(told.outcome()).as("R-OPS-1: told as given up, not as a refused file")
                    .isEqualTo(ImportOutcome.FAILED);
            assertThat(told.rowsStored()).isEqualTo(100);
            assertThat(told.problemCode()).isEqualTo("IMPORT_BROKEN");
        }
    }

    @Test
    @DisplayName("R-IMP-2 a batch's failed rows are written in one statement, each kept once when a replayed batch writes them again, and come back in file order")
    void failedRowsOfABatch() {
        UUID id = job(UPLOADER, ids(1));
        List<JobStore.FailedRow> rows = new ArrayList<>();
        for (int row = 12_002; row >= 3; row--) { // more than one statement holds, in no particular order
            rows.add(new JobStore.FailedRow(row, Arrays.asList("某支部", null, "姓名" + row), "第" + row + "行: 原因"));
        }
        store.failed(id, rows);
        store.failed(id, rows.subList(0, 7000));
        store.failed(id, List.of());

        List<List<String>> back = new ArrayList<>();
        store.failures(id, back::add);
        assertThat(back).hasSize(12_000);
        assertThat(back.getFirst()).containsExactly("某支部", null, "姓名3", "第3行: 原因");
        assertThat(back.getLast()).containsExactly("某支部", null, "姓名12002", "第12002行: 原因");
    }

    record Pause(String status, int runFailures, long seconds) {
    }

    /** The job's status, its failed runs, and the pause before anyone may claim it, in whole seconds. */
    Pause pause(UUID id) {
        return jdbc.sql("""
                        select status, run_failures, round(extract(epoch from lease_until - now())) from import_job
                         where id = ?""").param(id)
                .query((row, n) -> new Pause(row.getString(1), row.getInt(2), row.getLong(3))).single();
    }

    /** Claims the job at once, its pause over. */
    ImportJob claimNow(UUID id) {
        jdbc.sql("update import_job set lease_until = now() - interval '1 second' where id = ?").param(id).update();
        ImportJob claimed = store.claim("A", LEASE.multipliedBy(60)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(id);
        return claimed;
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
