package cn.league.member.idnumber;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints and records ({@link BenchFigure}) how many IDs per second one thread checks, and its CPU per ID; no timed
 * assertion. A benchmark: it runs only in the {@code benchmark} profile,
 * {@code ./mvnw -B -pl member-service -am -Pbenchmark verify}.
 */
@Tag("benchmark")
class IdNumberThroughputBenchmark {

    @Test
    @DisplayName("R-ID-4 throughput of the local check on a bulk-like mix (prints rows/s)")
    void throughput() {
        IdNumberRule rule = IdNumberRule.standard();
        String[] rows = rows(100_000);
        long valid = 0;
        for (int round = 0; round < 5; round++) { // warm-up
            valid = run(rule, rows);
        }
        int rounds = 20;
        CpuTime.Span cpu = CpuTime.jvmSpan();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            valid += run(rule, rows);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = rows.length * (double) rounds / seconds;
        BenchFigure.of("member.id_check", perSecond, "IDs/s").higherIsBetter()
                .cpu(cpu.jvm() * 1e6 / (rows.length * (double) rounds), "µs/ID").record();
        System.out.printf("R-ID-4 IdNumberRule.check: %,.0f IDs/s on one thread (%,d checks in %.2f s, 90%% valid)%n",
                perSecond, rows.length * rounds, seconds);
        assertThat(valid).isPositive();
    }

    private static long run(IdNumberRule rule, String[] rows) {
        long valid = 0;
        for (String row : rows) {
            if (rule.check(row) instanceof IdNumber) {
                valid++;
            }
        }
        return valid;
    }

    /** Valid IDs across real regions and birth dates, one in ten with a mistyped digit. */
    private static String[] rows(int count) {
        int[] regions = {110105, 110221, 310115, 440305, 510107, 650102, 142200, 330383, 371200, 542421};
        SplittableRandom random = new SplittableRandom(4);
        String[] rows = new String[count];
        for (int i = 0; i < count; i++) {
            String first17 = String.format("%06d%04d%02d%02d%03d", regions[random.nextInt(regions.length)],
                    random.nextInt(1960, 2013), random.nextInt(1, 13), random.nextInt(1, 29), random.nextInt(1000));
            String id = IdNumberRuleTest.withCheckDigit(first17);
            if (i % 10 == 0) {
                id = id.substring(0, 14) + (char) ('0' + (id.charAt(14) - '0' + 1) % 10) + id.substring(15);
            }
            rows[i] = i % 7 == 0 ? id.toLowerCase() : id;
        }
        return rows;
    }
}
