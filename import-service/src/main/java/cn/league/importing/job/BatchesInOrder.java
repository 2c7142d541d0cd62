package cn.league.importing.job;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Up to {@code inFlight} batches on their way to member-service at once, each on a virtual thread, but their results
 * recorded strictly in the order they were sent, on the caller's thread: a batch is recorded only after every batch
 * sent before it was. So "stored up to row N" (the job's resume point) still holds after a crash: a batch sent but
 * not yet recorded is sent again on resume, and member-service answers ALREADY_IMPORTED for what it had stored.
 * <p>
 * When a batch fails, the batches sent before it are recorded, it and every later one are not (their threads are
 * interrupted); the failure is thrown to the caller.
 *
 * @param <R> a batch's result
 */
final class BatchesInOrder<R> implements AutoCloseable {

    /** Sends one batch; runs on a thread of its own. */
    @FunctionalInterface
    interface Send<R> {
        R send() throws IOException, InterruptedException;
    }

    private record Pending<R>(Future<R> result, Consumer<R> record) {
    }

    private final int inFlight;
    private final ArrayDeque<Pending<R>> pending = new ArrayDeque<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    BatchesInOrder(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least one batch in flight: " + inFlight);
        }
        this.inFlight = inFlight;
    }

    /**
     * Sends a batch once fewer than {@code inFlight} are on their way, recording the oldest ones as they come back.
     *
     * @param record what to do with the batch's result, called in send order on this thread
     */
    void send(Send<R> send, Consumer<R> record) throws IOException, InterruptedException {
        while (pending.size() >= inFlight) {
            recordOldest();
        }
        pending.addLast(new Pending<>(threads.submit(send::send), record));
    }

    /** Batches sent and not yet recorded. */
    int inFlight() {
        return pending.size();
    }

    /** Waits for every batch sent and records each, in order. */
    void finish() throws IOException, InterruptedException {
        while (!pending.isEmpty()) {
            recordOldest();
        }
    }

    private void recordOldest() throws IOException, InterruptedException {
        Pending<R> oldest = pending.peekFirst();
        R result;
        try {
            result = oldest.result().get();
        } catch (ExecutionException failed) {
            abandon();
            throw rethrown(failed.getCause());
        } catch (InterruptedException stop) {
            abandon();
            throw stop;
        }
        pending.removeFirst();
        try {
            oldest.record().accept(result);
        } catch (RuntimeException | Error failed) {
            abandon();
            throw failed;
        }
    }

    /** Drops the batches not recorded: none of them is recorded, their threads are interrupted. */
    private void abandon() {
        pending.forEach(batch -> batch.result().cancel(true));
        pending.clear();
    }

    private static IOException rethrown(Throwable cause) throws InterruptedException {
        switch (cause) {
            case IOException io -> {
                return io;
            }
            case InterruptedException interrupted -> throw interrupted;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> {
                return new IOException(cause);
            }
        }
    }

    /** Abandons what was not recorded (after a failure) and lets the threads go. */
    @Override
    public void close() {
        abandon();
        threads.shutdownNow();
    }
}
