package cn.league.system;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.seeder.IdNumbers;
import cn.league.seeder.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of {@link SeededStackBenchmark}, without a stack. */
class SeededStackBenchmarkTest {

    @Test
    @DisplayName("a quantile is the smallest duration at or above that share of them, in ms, whatever their order")
    void quantiles() {
        long[] nanos = LongStream.of(5, 1, 3, 2, 4).map(ms -> ms * 1_000_000).toArray();

        assertThat(SeededStackBenchmark.millis(nanos, 0.50)).isEqualTo(3.0);
        assertThat(SeededStackBenchmark.millis(nanos, 0.95)).isEqualTo(5.0);
        assertThat(nanos[0]).as("the durations are left as they were").isEqualTo(5_000_000);
        long[] hundred = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
        assertThat(SeededStackBenchmark.millis(hundred, 0.95)).isEqualTo(95.0);
        assertThat(SeededStackBenchmark.millis(hundred, 0.50)).isEqualTo(50.0);
    }

    @Test
    @DisplayName("the busiest org is the one the most open transfers wait for, the smaller id of equals; none when none waits")
    void busiestOrg() {
        assertThat(SeededStackBenchmark.busiest(Map.of(10L, 1, 12L, 3, 11L, 3, 13L, 0))).contains(11L);
        assertThat(SeededStackBenchmark.busiest(Map.of(10L, 0))).isEqualTo(Optional.empty());
        assertThat(SeededStackBenchmark.busiest(Map.of())).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("each run's new people take the next block of ID sequence codes and development serials, apart from the seeder's")
    void newPeopleRuns() {
        SeededStackBenchmark.NewPeople first = SeededStackBenchmark.NewPeople.after(null);
        assertThat(first.run()).isZero();
        assertThat(first.firstSequence()).isZero();
        assertThat(first.firstSerial()).isEqualTo(100_000);
        SeededStackBenchmark.NewPeople third = SeededStackBenchmark.NewPeople.after(39);
        assertThat(third.run()).isEqualTo(2);
        assertThat(third.firstSequence()).isEqualTo(40);
        assertThat(SeededStackBenchmark.NewPeople.after(40).run()).as("a sequence code of the third run").isEqualTo(3);
        SeededStackBenchmark.NewPeople last = SeededStackBenchmark.NewPeople.after(959);
        assertThat(last.firstSequence() + SeededStackBenchmark.NewPeople.SEQUENCES_PER_RUN)
                .as("never the sequence codes of people the identity centre learns of late (990–999)")
                .isLessThanOrEqualTo(990);
        assertThat(last.firstSerial() + SeededStackBenchmark.NewPeople.SERIALS_PER_RUN)
                .as("below the town's development serials").isLessThanOrEqualTo(900_000);
        assertThatThrownBy(() -> SeededStackBenchmark.NewPeople.after(979)).hasMessageContaining("seed a new province");
        assertThat(SeededStackBenchmark.NewPeople.REGIONS).as("regions the seeder's 江苏 people are never born in")
                .doesNotContain("320113", "320114", "320115", "320116");
    }

    @Test
    @DisplayName("a run's new people are valid members of 18 to 27, new to each other, in its block, the same each time")
    void newPeople() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        SeededStackBenchmark.NewPeople run = new SeededStackBenchmark.NewPeople(3);
        List<Person> people = run.members(today, 5_000);
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (Person person : people) {
            String id = person.idNumber();
            assertThat(IdNumbers.valid(id)).as(id).isTrue();
            assertThat(SeededStackBenchmark.NewPeople.REGIONS).contains(id.substring(0, 6));
            assertThat(Integer.parseInt(id.substring(14, 17))).isBetween(60, 79);
            assertThat(IdNumbers.birthDate(id)).isBetween(today.minusYears(28).plusDays(1), today.minusYears(18));
            if (person.developmentNumber() != null) {
                assertThat(person.developmentNumber()).startsWith(person.joinDate().getYear() + "32");
                assertThat(Integer.parseInt(person.developmentNumber().substring(6))).isBetween(148_000, 163_999);
                assertThat(numbers.add(person.developmentNumber())).isTrue();
            }
            assertThat(ids.add(id)).as("ID %s twice", id).isTrue();
            assertThat(person.cadre()).isFalse();
        }
        assertThat(run.members(today, 5_000)).as("the same run makes the same people").isEqualTo(people);
        assertThat(new SeededStackBenchmark.NewPeople(4).members(today, 5_000)).extracting(Person::idNumber)
                .as("the next run's people are others").doesNotContainAnyElementsOf(ids);
    }

    @Test
    @DisplayName("a person's COPY line: ten tab-separated fields, gender and birth date from the ID, \\N for what is missing")
    void personLine() {
        String man = IdNumbers.of("320102", LocalDate.of(2001, 5, 6), 61);
        Person person = new Person(man, "王芳", "汉族", "共青团员", "本科", LocalDate.of(2015, 9, 1), null, null, null);

        assertThat(SeededStackBenchmark.personLine(person)).isEqualTo(man
                + "\t王芳\t2001-05-06\tMALE\t汉族\t共青团员\t本科\t2015-09-01\t\\N\t\\N\n");
        String woman = IdNumbers.of("320102", LocalDate.of(2001, 5, 6), 62);
        assertThat(SeededStackBenchmark.personLine(new Person(woman, "李娜", "回族", "共青团员", "大专",
                LocalDate.of(2016, 3, 1), "201632100000", "13912345678", null)).split("\t", -1))
                .containsExactly(woman, "李娜", "2001-05-06", "FEMALE", "回族", "共青团员", "大专", "2016-03-01",
                        "201632100000", "13912345678\n");
    }

    @Test
    @DisplayName("transfers a second are the transfers over the time all their requests took")
    void transfersPerSecond() {
        long[] starts = {10_000_000, 30_000_000};
        long[] approvals = {20_000_000, 40_000_000};

        assertThat(SeededStackBenchmark.perSecond(2, starts, approvals)).isEqualTo(20.0);
        assertThat(SeededStackBenchmark.perSecond(2, starts)).isEqualTo(50.0);
    }

    @Test
    @DisplayName("a person's row of the import template: the branch's id as 所在团支部, 团员, empty cells for what is missing")
    void importCells() {
        String id = IdNumbers.of("320102", LocalDate.of(2001, 5, 6), 61);
        Person person = new Person(id, "王芳", "汉族", "共青团员", "本科", LocalDate.of(2015, 9, 1), null, null, null);

        assertThat(SeededStackBenchmark.importCells(person, 4711)).containsExactly("4711", "团员", "王芳", id, "汉族",
                "共青团员", "本科", "2015-09-01", "", "", "", "");
    }
}
