package cn.league.member.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.league.member.idnumber.IdNumberRule;

import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints and records ({@link BenchFigure}) how many rows per second one thread runs through every entry rule;
 * no timed assertion.
 * A benchmark: runs only in the benchmark profile, {@code ./mvnw -B -pl member-service -am -Pbenchmark verify}.
 */
@Tag("benchmark")
class EntryCheckThroughputBenchmark {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-15T04:00:00Z"), IdNumberRule.CHINA);
    private static final int[] PROVINCES = {11, 31, 44, 51, 65};
    private static final int[] REGIONS = {110105, 310115, 440305, 510107, 650102};

    @Test
    @DisplayName("R-ID-4 R-MEM-3 R-MEM-4 R-MEM-5 throughput of EntryCheck on a bulk-like mix (prints rows/s)")
    void throughput() {
        EntryCheck entry = EntryCheck.standard(NOON);
        Map<String, String> held = new HashMap<>();
        EntryFacts[] rows = rows(100_000, held);
        DevelopmentNumbers batch = DevelopmentNumbers.heldBy(held);
        long accepted = 0;
        for (int round = 0; round < 5; round++) { // warm-up
            accepted = run(entry, rows, batch);
        }
        int rounds = 20;
        CpuTime.Span cpu = CpuTime.jvmSpan();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            accepted += run(entry, rows, batch);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = rows.length * (double) rounds / seconds;
        BenchFigure.of("member.entry_check", perSecond, "rows/s").higherIsBetter()
                .cpu(cpu.jvm() * 1e6 / (rows.length * (double) rounds), "µs/row").record();
        System.out.printf("EntryCheck.check: %,.0f rows/s on one thread (%,d rows in %.2f s, %.0f%% accepted)%n",
                perSecond, rows.length * rounds, seconds, 100.0 * accepted / (rows.length * (rounds + 1.0)));
        assertThat(accepted).isPositive();
    }

    private static long run(EntryCheck entry, EntryFacts[] rows, DevelopmentNumbers batch) {
        long accepted = 0;
        for (EntryFacts row : rows) {
            if (entry.check(row, batch).accepted()) {
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * Members aged 14–27 who joined at 14 or later from 2017 on, each with a number of their join
     * year and org province; about one row in ten breaks something (ID digit, age, number), and a
     * quarter of the numbers are already held (half by the same person, as in an edit).
     */
    private static EntryFacts[] rows(int count, Map<String, String> held) {
        SplittableRandom random = new SplittableRandom(4);
        EntryFacts[] rows = new EntryFacts[count];
        for (int i = 0; i < count; i++) {
            int place = random.nextInt(REGIONS.length);
            LocalDate birth = LocalDate.of(random.nextInt(1999, 2012), random.nextInt(1, 13), random.nextInt(1, 29));
            LocalDate join = birth.plusYears(14).plusDays(random.nextInt(0, 1500));
            if (join.isAfter(LocalDate.of(2026, 6, 1))) {
                join = LocalDate.of(2026, 6, 1);
            }
            String id = EntryCheckTest.withCheckDigit(String.format("%06d%04d%02d%02d%03d", REGIONS[place],
                    birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), random.nextInt(1000)));
            String number = String.format("%04d%02d%06d", join.getYear(), PROVINCES[place], i);
            switch (i % 20) {
                case 0 -> id = id.substring(0, 14) + (char) ('0' + (id.charAt(14) - '0' + 1) % 10) + id.substring(15);
                case 5 -> number = number.substring(1);
                case 10 -> join = birth.plusYears(11);
                default -> { }
            }
            if (i % 4 == 1) {
                held.put(number, i % 8 == 1 ? id : "110105199001014329");
            }
            EntryRole role = i % 10 == 3 ? EntryRole.CADRE : EntryRole.MEMBER;
            rows[i] = new EntryFacts(id, "团员" + i, role, PoliticalStatus.LEAGUE_MEMBER, join, number, PROVINCES[place]);
        }
        return rows;
    }
}
