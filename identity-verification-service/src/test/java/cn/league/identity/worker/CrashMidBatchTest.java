package cn.league.identity.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.identity.centre.CentreUnavailable;
import cn.league.identity.support.CentreProcess;
import cn.league.identity.support.IdNumbers;
import cn.league.identity.support.ManualWorkerContext;
import cn.league.identity.worker.VerificationWorker.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that dies between sending a batch and writing its verdicts (kill -9 of the replica) leaves its claim
 * behind: the people are sent again when the lease ran out, their verdicts written once, and the dead worker's
 * verdicts, should they still arrive, change nothing.
 */
class CrashMidBatchTest extends ManualWorkerContext {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VerificationWorker worker;

    @BeforeEach
    void nothingElseDue() {
        CentreProcess.get().normal();
        jdbc.sql("update person set due_at = null").update();
    }

    @Test
    @DisplayName("R-ID-1: a batch re-sent after its worker died mid-batch: no verdict lost, none applied twice")
    void aBatchResentAfterACrashAppliesEachVerdictOnce() throws InterruptedException {
        List<String> people = List.of(IdNumbers.known(), IdNumbers.known(), IdNumbers.known());
        people.forEach(id -> jdbc.sql("insert into person (id_number, name, due_at) values (?, '郑一', now())")
                .param(id).update());

        VerificationWorker.Claim dead = worker.claim(4);
        assertThat(dead.people()).isEqualTo(3);
        List<Answer> lostAnswers = worker.send(dead); // the centre answered; the worker died before writing
        assertThat(worker.claim(4).people()).as("claimed people are not sent twice while the lease holds").isZero();

        Thread.sleep(Duration.ofMillis(1200)); // the lease runs out
        assertThat(worker.runOnce()).isEqualTo(3);
        assertThat(worker.apply(lostAnswers)).as("the dead worker's verdicts, arriving late").isZero();

        for (String id : people) {
            assertThat(jdbc.sql("select status from person where id_number = ?").param(id).query(String.class)
                    .single()).isEqualTo("PASSED");
            assertThat(jdbc.sql("select count(*) from check_result where id_number = ?").param(id)
                    .query(Integer.class).single()).as(id).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("R-ID-1: workers of several replicas share the queue: each person is sent in one batch and checked once")
    void replicasShareTheQueue() throws InterruptedException {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String id = IdNumbers.known();
            if (jdbc.sql("insert into person (id_number, name, due_at) values (?, '卫四', now()) on conflict do nothing")
                    .param(id).update() == 1) {
                people.add(id);
            }
        }
        List<Thread> replicas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replicas.add(Thread.ofVirtual().start(() -> {
                while (worker.runOnce() > 0) {
                    Thread.onSpinWait();
                }
            }));
        }
        for (Thread replica : replicas) {
            replica.join(Duration.ofMinutes(2));
        }
        assertThat(jdbc.sql("""
                        select count(*) from check_result where id_number = any (cast(? as text[]))""")
                .param(people.toArray(String[]::new)).query(Integer.class).single()).isEqualTo(people.size());
        assertThat(jdbc.sql("""
                        select count(distinct id_number) from check_result where id_number = any (cast(? as text[]))""")
                .param(people.toArray(String[]::new)).query(Integer.class).single()).isEqualTo(people.size());
    }

    @Test
    @DisplayName("R-ID-2: a verdict on details edited while the batch was out is not applied; the new details are due")
    void aVerdictOnOldDetailsIsDropped() {
        String id = IdNumbers.known();
        jdbc.sql("insert into person (id_number, name, due_at) values (?, '冯二', now())").param(id).update();
        VerificationWorker.Claim claim = worker.claim(4);
        List<Answer> answers = worker.send(claim);
        jdbc.sql("""
                update person set name = '冯错', status = 'UNVERIFIED', due_at = now(), claim_id = null,
                       claim_until = null, details_version = details_version + 1 where id_number = ?""")
                .param(id).update(); // as an IdentityDetailsChanged does

        assertThat(worker.apply(answers)).isZero();
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(jdbc.sql("select status || ' ' || reason from person where id_number = ?").param(id)
                .query(String.class).single()).isEqualTo("FAILED 不一致");
    }

    @Test
    @DisplayName("R-ID-1: a claim answered in part writes what came back; the unanswered batch goes back to the queue")
    void aClaimAnsweredInPart() {
        List<String> people = new ArrayList<>();
        while (people.size() < 150) {
            String id = IdNumbers.known();
            if (jdbc.sql("insert into person (id_number, name, due_at) values (?, '褚五', now()) on conflict do nothing")
                    .param(id).update() == 1) {
                people.add(id);
            }
        }
        VerificationWorker.Claim claim = worker.claim(4);
        assertThat(claim.batches()).extracting(batch -> batch.people().size()).containsExactly(100, 50);
        List<Answer> answers = worker.send(claim);
        Answer lost = new Answer(answers.get(1).batch(), null, new CentreUnavailable("timed out", false, null));

        assertThat(worker.apply(List.of(answers.get(0), lost))).isEqualTo(100);
        assertThat(jdbc.sql("""
                        select status, count(*) filter (where claim_id is null and (status = 'PASSED') = (due_at is null))
                          from person where id_number = any (cast(? as text[])) group by status order by status""")
                .param(people.toArray(String[]::new))
                .query((row, n) -> row.getString(1) + " " + row.getInt(2)).list())
                .containsExactly("PASSED 100", "UNVERIFIED 50");
        assertThat(jdbc.sql("select outcome from check_batch where id = any (cast(? as bigint[])) order by id")
                .param(new Long[] {claim.batches().get(0).id(), claim.batches().get(1).id()})
                .query(String.class).list()).containsExactly("ANSWERED", "FAILED");
        assertThat(worker.runOnce()).isEqualTo(50);
    }

    @Test
    @DisplayName("R-ID-1: a batch the centre did not answer goes back to the queue as it was")
    void anUnansweredBatchGoesBackToTheQueue() {
        String id = IdNumbers.known();
        jdbc.sql("insert into person (id_number, name, due_at) values (?, '陈三', now())").param(id).update();
        CentreProcess.get().settings("{\"down\":true}");
        try {
            worker.runOnce();
        } catch (RuntimeException expected) {
            // the centre is down
        }
        CentreProcess.get().normal();
        assertThat(jdbc.sql("select claim_id is null and due_at is not null and status = 'UNVERIFIED' "
                + "from person where id_number = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select outcome from check_batch order by id desc limit 1").query(String.class).single())
                .isEqualTo("FAILED");
    }
}
