package cn.league.importing.job;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each replica's worker: every poll it renews the leases of the jobs it runs (its heartbeat; a job cancelled or
 * taken over is told to stop) and claims more, up to {@code jobsPerReplica}, each run on a virtual thread. A replica
 * that dies stops renewing; once the lease has run out another replica claims the job and resumes it.
 */
@Component
class JobWorker {

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final JobStore store;
    private final ImportRun run;
    private final ImportLimits limits;
    private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    JobWorker(JobStore store, ImportRun run, ImportLimits limits) {
        this.store = store;
        this.run = run;
        this.limits = limits;
    }

    @Scheduled(fixedDelayString = "${league.import.poll}")
    void poll() {
        running.forEach((id, ours) -> {
            if (!store.renew(id, name, limits.lease())) {
                ours.set(false);
            }
        });
        while (running.size() < limits.jobsPerReplica()) {
            Optional<ImportJob> claimed = store.claim(name, limits.lease());
            if (claimed.isEmpty()) {
                return;
            }
            ImportJob job = claimed.get();
            AtomicBoolean ours = new AtomicBoolean(true);
            running.put(job.id(), ours);
            threads.submit(() -> {
                try {
                    run.run(job, name, ours::get);
                } finally {
                    running.remove(job.id());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
