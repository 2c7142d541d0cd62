package cn.league.identity.worker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.bulkhead.BulkheadFullException;
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
import cn.league.identity.centre.CentreUnavailable;
import cn.league.identity.centre.GuardedCentre;
import cn.league.identity.status.Outcome;
import cn.league.identity.status.RecheckInterval;
import cn.league.identity.worker.BatchStore.Claimed;
import cn.league.identity.worker.BatchStore.Verdict;

/**
 * Sends the queue to the centre batch by batch (R-ID-1): claim up to the centre's batch size of due people, send them
 * through {@link GuardedCentre}, write the verdicts the claim still holds and publish the changes. PASSED people
 * leave the queue; FAILED ones come back after a growing wait (R-ID-3). Safe with any number of replicas and
 * threads: claims never overlap, and a batch whose worker died is sent again once its lease ran out, its verdicts
 * then written once.
 */
@Component
public class VerificationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerificationWorker.class);

    /** A claimed batch, on its way to the centre. */
    public record Batch(long id, List<Claimed> people) {
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

    /** Claims, sends and applies one batch. @return how many people it held (0: nothing was due) */
    public int runOnce() {
        Batch batch = claim();
        if (batch.people().isEmpty()) {
            return 0;
        }
        List<Result> results;
        try {
            results = send(batch);
        } catch (CentreUnavailable | CallNotPermittedException | BulkheadFullException notNow) {
            release(batch, notNow.toString());
            throw notNow;
        } catch (RuntimeException failed) {
            release(batch, failed.toString());
            throw failed;
        }
        apply(batch, results);
        return batch.people().size();
    }

    /** Claims up to a batch of due people. */
    public Batch claim() {
        return transaction.execute(status -> {
            long id = store.nextBatchId();
            return new Batch(id, store.claim(id, name, centreProperties.batchSize(), properties.lease()));
        });
    }

    public List<Result> send(Batch batch) {
        return centre.check(batch.people().stream().map(person -> new Pair(person.idNumber(), person.name()))
                .toList());
    }

    /** @return how many verdicts were written (the rest had lost their claim) */
    public int apply(Batch batch, List<Result> results) {
        Instant checkedAt = clock.instant();
        List<Verdict> verdicts = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            Claimed person = batch.people().get(i);
            if (!person.idNumber().equalsIgnoreCase(results.get(i).idNumber())) {
                continue; // not the answer to this pair: the person is sent again once the lease runs out
            }
            Outcome outcome = Outcome.of(results.get(i).verdict());
            Instant next = outcome.passed() ? null : checkedAt.plus(recheck.after(person.failedChecks() + 1));
            verdicts.add(new Verdict(person, outcome, next));
        }
        Integer written = transaction.execute(status -> {
            List<Verdict> applied = store.apply(batch.id(), verdicts, checkedAt);
            publication.publish(applied, store.placesOf(applied.stream().map(v -> v.person().idNumber()).toList()),
                    checkedAt);
            return applied.size();
        });
        return written == null ? 0 : written;
    }

    public void release(Batch batch, String error) {
        transaction.executeWithoutResult(status -> store.release(batch.id(), error));
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
