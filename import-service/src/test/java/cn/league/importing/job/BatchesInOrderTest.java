package cn.league.importing.job;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchesInOrderTest {

    /** A batch that answers once released. */
    static final class Batch {
        final int number;
        final CompletableFuture<Integer> answer = new CompletableFuture<>();
        final CountDownLatch started = new CountDownLatch(1);

        Batch(int number) {
            this.number = number;
        }

        Integer send() throws IOException, InterruptedException {
            started.countDown();
            try {
                return answer.get();
            } catch (java.util.concurrent.ExecutionException failed) {
                throw (IOException) failed.getCause();
            }
        }
    }

    static List<Batch> batches(int count) {
        List<Batch> batches = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            batches.add(new Batch(i));
        }
        return batches;
    }

    @Test
    @DisplayName("up to four batches are on their way at once; a fifth waits until the first came back and was recorded")
    void fourInFlight() throws Exception {
        List<Batch> batches = batches(5);
        List<Integer> recorded = new ArrayList<>();
        try (BatchesInOrder<Integer> inOrder = new BatchesInOrder<>(4)) {
            for (Batch batch : batches.subList(0, 4)) {
                inOrder.send(batch::send, recorded::add);
            }
            for (Batch batch : batches.subList(0, 4)) {
                assertThat(batch.started.await(10, TimeUnit.SECONDS)).as("batch %d sent", batch.number).isTrue();
            }
            assertThat(inOrder.inFlight()).isEqualTo(4);

            Thread fifth = Thread.ofVirtual().start(() -> {
                try {
                    inOrder.send(batches.get(4)::send, recorded::add);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(fifth.join(Duration.ofMillis(300))).as("the fifth waits").isFalse();
            assertThat(batches.get(4).started.getCount()).isEqualTo(1);

            batches.get(0).answer.complete(1);
            assertThat(fifth.join(Duration.ofSeconds(10))).isTrue();
            assertThat(batches.get(4).started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(recorded).containsExactly(1);

            batches.forEach(batch -> batch.answer.complete(batch.number));
            inOrder.finish();
        }
        assertThat(recorded).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("R-IMP-2 results are recorded in send order, whatever order they come back in: the resume point 'stored up to row N' holds")
    void recordedInSendOrder() throws Exception {
        List<Batch> batches = batches(4);
        List<Integer> recorded = new ArrayList<>();
        try (BatchesInOrder<Integer> inOrder = new BatchesInOrder<>(4)) {
            for (Batch batch : batches) {
                inOrder.send(batch::send, recorded::add);
            }
            for (int i = 3; i >= 0; i--) {
                batches.get(i).answer.complete(batches.get(i).number);
            }
            inOrder.finish();
        }
        assertThat(recorded).containsExactly(1, 2, 3, 4);
    }

    @Test
    @DisplayName("R-IMP-2 a batch that fails: those sent before it are recorded, it and those after it are not (they are sent again on resume), the failure reaches the caller")
    void failureStopsRecording() throws Exception {
        List<Batch> batches = batches(4);
        List<Integer> recorded = new ArrayList<>();
        BatchesInOrder<Integer> inOrder = new BatchesInOrder<>(4);
        for (Batch batch : batches) {
            inOrder.send(batch::send, recorded::add);
        }
        batches.get(3).answer.complete(4); // came back first, but after the failed one
        batches.get(0).answer.complete(1);
        batches.get(2).answer.complete(3);
        batches.get(1).answer.completeExceptionally(new IOException("member-service answered 500"));

        assertThatThrownBy(inOrder::finish).isInstanceOf(IOException.class).hasMessage("member-service answered 500");
        inOrder.close();
        assertThat(recorded).containsExactly(1);
        assertThat(inOrder.inFlight()).isZero();
    }

    @Test
    @DisplayName("a record that throws (the job taken over) stops the recording of the later batches")
    void recordFailureStops() throws Exception {
        List<Batch> batches = batches(3);
        AtomicInteger recorded = new AtomicInteger();
        try (BatchesInOrder<Integer> inOrder = new BatchesInOrder<>(4)) {
            for (Batch batch : batches) {
                inOrder.send(batch::send, result -> {
                    if (result == 2) {
                        throw new IllegalStateException("taken over");
                    }
                    recorded.incrementAndGet();
                });
                batch.answer.complete(batch.number);
            }
            assertThatThrownBy(inOrder::finish).hasMessage("taken over");
            assertThat(inOrder.inFlight()).isZero();
        }
        assertThat(recorded).hasValue(1);
    }

    @Test
    @DisplayName("one in flight: each batch is recorded before the next is sent")
    void oneInFlight() throws Exception {
        List<String> events = new ArrayList<>();
        try (BatchesInOrder<Integer> inOrder = new BatchesInOrder<>(1)) {
            for (int i = 1; i <= 3; i++) {
                int n = i;
                inOrder.send(() -> {
                    synchronized (events) {
                        events.add("sent " + n);
                    }
                    return n;
                }, result -> {
                    synchronized (events) {
                        events.add("recorded " + result);
                    }
                });
            }
            inOrder.finish();
        }
        assertThat(events).containsExactly("sent 1", "recorded 1", "sent 2", "recorded 2", "sent 3", "recorded 3");
    }
}
