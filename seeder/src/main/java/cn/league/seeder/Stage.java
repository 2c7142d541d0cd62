package cn.league.seeder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** One stage's counters and clock: what was made, what was there already, what was refused and why. */
final class Stage {

    final String name;
    final String unit;
    final AtomicLong made = new AtomicLong();
    final AtomicLong existing = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private final Map<String, Long> reasons = new TreeMap<>();
    private long nanos;
    private long startedAt;

    Stage(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    void start() {
        startedAt = System.nanoTime();
    }

    void stop() {
        nanos += System.nanoTime() - startedAt;
        startedAt = 0;
    }

    synchronized void refusedFor(String reason) {
        refused.incrementAndGet();
        reasons.merge(reason, 1L, Long::sum);
    }

    double seconds() {
        return (nanos + (startedAt == 0 ? 0 : System.nanoTime() - startedAt)) / 1e9;
    }

    long done() {
        return made.get() + existing.get() + refused.get();
    }

    /** Rows handled (made, found or refused) per second of this stage. */
    double rate() {
        double seconds = seconds();
        return seconds == 0 ? 0 : done() / seconds;
    }

    /** The stage's counts, time and rate (with two decimals below 10 a second, so a slow stage does not read 0). */
    String line() {
        double rate = rate();
        return "%-14s %,11d made %,11d there already %,8d refused %9.1f s %10s %s/s".formatted(name, made.get(),
                existing.get(), refused.get(), seconds(), rate < 10 ? "%.2f".formatted(rate)
                        : "%,.0f".formatted(rate), unit);
    }

    synchronized Map<String, Long> reasons() {
        return new TreeMap<>(reasons);
    }
}
