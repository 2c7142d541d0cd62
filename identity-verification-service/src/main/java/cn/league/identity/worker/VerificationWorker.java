package cn.league.identity.worker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.identity.centre.CentreClient.Pair;
import cn.league.identity.centre.CentreClient.Result;
import cn.league.identity.centre.CentreProperties;
import cn.league.identity.centre.GuardedCentre;
import cn.league.identity.status.Outcome;
import cn.league.identity.status.RecheckInterval;
import cn.league.identity.worker.BatchStore.Claimed;
import cn.league.identity.worker.BatchStore.Verdict;
import cn.league.identity.worker.BatchStore.Written;

/**
 * Sends the queue to the centre (R-ID-1): claim a few batches of due people in one statement, send the batches at
 * once through {@link GuardedCentre}, write every verdict the claim still holds in one statement and publish the
 * changes. PASSED people leave the queue; FAILED ones come back after a growing wait (R-ID-3). Safe with any number of
 * replicas and threads: claims never overlap, and a batch whose worker died is sent again once its lease ran out,
 * its verdicts then written once.
 */
@Component
public class VerificationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerificationWorker.class);

    /** A claimed batch: one request to the centre. */
    public record Batch(long id, List<Claimed> people) {
    }

    /** The batches one claim took. */
    public record Claim(List<Batch> batches) {

        public int people() {
            return batches.stream().mapToInt(batch -> batch.people().size()).sum();
        }
    }

    /** The centre's answer to one batch: its results, or why there are none. */
    public record Answer(Batch batch, List<Result> results, RuntimeException failure) {
    }

    private final BatchStore store;
    private final VerdictPublication publication;
    private final GuardedCentre centre;
    private final TransactionTemplate transaction;
    private final CentreProperties centreProperties;
    private final WorkerProperties properties;
    private final RecheckInterval recheck;
    private final Clock clock;
    private final String name = "worker-" + UUID.randomUUID();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    VerificationWorker(BatchStore store, VerdictPublication publication, GuardedCentre centre,
                       TransactionTemplate transaction, CentreProperties centreProperties,
                       WorkerProperties properties) {
        this.store = store;
        this.publication = publication;
        this.centre = centre;
        this.transaction = transaction;
        this.centreProperties = centreProperties;
        this.properties = properties;
        this.recheck = new RecheckInterval(properties.firstRecheck(), properties.longestRecheck());
        this.clock = Clock.systemUTC();
    }

    /** Claims, sends and applies as many batches as a claim takes. @return how many people they held (0: nothing was due) */
    public int runOnce() {
        return runOnce(properties.batchesPerClaim());
    }

    /**
     * Claims, sends and applies up to {@code batches} batches.
     *
     * @return how many people they held (0: nothing was due)
     * @throws RuntimeException why a batch was not answered (after the answered ones were written)
     */
    public int runOnce(int batches) {
        Claim claim = claim(batches);
        if (claim.batches().isEmpty()) {
            return 0;
        }
        List<Answer> answers = send(claim);
        apply(answers);
        for (Answer answer : answers) {
            if (answer.failure() != null) {
                throw answer.failure();
            }
        }
        return claim.people();
    }

    /** Claims up to {@code batches} batches of due people. */
    public Claim claim(int batches) {
        List<Claimed> people = transaction.execute(status ->
                store.claim(name, batches, centreProperties.batchSize(), properties.lease()));
        Map<Long, List<Claimed>> byBatch = new LinkedHashMap<>();
        for (Claimed person : people) {
            byBatch.computeIfAbsent(person.batchId(), id -> new ArrayList<>()).add(person);
        }
        return new Claim(byBatch.entrySet().stream().map(batch -> new Batch(batch.getKey(), batch.getValue()))
                .toList());
    }

    /** Sends the claim's batches to the centre at once. */
    public List<Answer> send(Claim claim) {
        if (claim.batches().size() == 1) {
            return List.of(ask(claim.batches().getFirst()));
        }
        List<Future<Answer>> answers;
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            answers = claim.batches().stream().map(batch -> requests.submit(() -> ask(batch))).toList();
        } // closing waits for every answer
        return answers.stream().map(Future::resultNow).toList();
    }

    private Answer ask(Batch batch) {
        try {
            return new Answer(batch, centre.check(batch.people().stream()
                    .map(person -> new Pair(person.idNumber(), person.name())).toList()), null);
        } catch (RuntimeException notAnswered) {
            return new Answer(batch, null, notAnswered);
        }
    }

    /**
     * Writes the verdicts of the answered batches whose claim still holds and puts the people of the others back in
     * the queue, in one transaction.
     *
     * @return how many verdicts were written (the rest had lost their claim)
     */
    public int apply(List<Answer> answers) {
        Instant checkedAt = clock.instant();
        List<Long> answered = new ArrayList<>();
        List<Long> unanswered = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        String failure = null;
        for (Answer answer : answers) {
            if (answer.failure() != null) {
                unanswered.add(answer.batch().id());
                failure = answer.failure().toString();
                continue;
            }
            answered.add(answer.batch().id());
            List<Claimed> people = answer.batch().people();
            for (int i = 0; i < people.size(); i++) {
                Claimed person = people.get(i);
                Result result = answer.results().get(i);
                if (!person.idNumber().equalsIgnoreCase(result.idNumber())) {
                    continue; // not the answer to this pair: the person is sent again once the lease runs out
                }
                Outcome outcome = Outcome.of(result.verdict());
                Instant next = outcome.passed() ? null : checkedAt.plus(recheck.after(person.failedChecks() + 1));
                verdicts.add(new Verdict(person, outcome, next));
            }
        }
        String error = failure;
        Integer written = transaction.execute(status -> {
            if (!unanswered.isEmpty()) {
                store.release(unanswered, error);
            }
            if (answered.isEmpty()) {
                return 0;
            }
            List<Written> applied = store.apply(answered, verdicts, checkedAt);
            publication.publish(applied, checkedAt);
            return applied.size();
        });
        return written == null ? 0 : written;
    }

    private void loop() {
        while (running) {
            try {
                if (centre.circuit() == CircuitBreaker.State.OPEN || runOnce() == 0) {
                    Thread.sleep(properties.idlePause());
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (CallNotPermittedException open) {
                pause(); // the circuit is open: the centre is down, try again after a while
            } catch (RuntimeException failed) {
                log.warn("a batch went back to the queue: {}", failed.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.idlePause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.threads(); i++) {
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(this::loop));
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
