package cn.league.org.benchmark;

import java.util.Arrays;

/** Measured durations of one kind of call, and their percentiles. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long durationNanos) {
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** The q-th quantile (0..1) in milliseconds, nearest rank. */
    double millis(double q) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    double meanMillis() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / 1e6 / count;
    }

    String summary() {
        return "n=%,d  p50 %.3f ms  p90 %.3f ms  p95 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms  mean %.3f ms"
                .formatted(count, millis(0.50), millis(0.90), millis(0.95), millis(0.99), millis(0.999), millis(1.0),
                        meanMillis());
    }
}
