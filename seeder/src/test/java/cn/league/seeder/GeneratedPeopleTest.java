package cn.league.seeder;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated people pass the entry rules member-service applies (checked here by the rules' own words). */
class GeneratedPeopleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static List<Person> people(PeopleFactory factory, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AgeBand band = AgeBand.values()[i % AgeBand.values().length];
            people.add(i % 10 == 0 ? factory.cadre(random, "书记") : factory.member(random, band));
        }
        return people;
    }

    private static PeopleFactory jiangsu() {
        return new PeopleFactory("32", CountryPlan.REGIONS.get("32"), TODAY, 0, 900, 0);
    }

    @Test
    @DisplayName("R-ID-4 GB 11643 check characters, the standard's own example included")
    void checkCharacters() {
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.valid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.valid("110105194912310021")).isFalse();
        assertThat(IdNumbers.of("320113", LocalDate.of(2005, 3, 1), 7)).startsWith("32011320050301007").hasSize(18);
    }

    @Test
    @DisplayName("R-ID-4, R-AUTH-5 every ID number valid, of the province, and handed out once")
    void idNumbers() {
        List<Person> people = people(jiangsu(), 1, 20_000);
        Set<String> ids = new HashSet<>();
        for (Person person : people) {
            assertThat(IdNumbers.valid(person.idNumber())).as(person.idNumber()).isTrue();
            assertThat(person.idNumber()).startsWith("32");
            int sequence = Integer.parseInt(person.idNumber().substring(14, 17));
            assertThat(sequence).as("990-999: people the identity centre learns of late").isLessThan(990);
            assertThat(ids.add(person.idNumber())).isTrue();
        }
    }

    @Test
    @DisplayName("R-MEM-3 members 14 to 27 today, cadres from 14 (here 24 to 40), party members among cadres from 28")
    void ages() {
        for (Person person : people(jiangsu(), 2, 5_000)) {
            int age = Period.between(IdNumbers.birthDate(person.idNumber()), TODAY).getYears();
            if (person.cadre()) {
                assertThat(age).isBetween(24, 40);
                if (age >= 28) {
                    assertThat(person.politicalStatus()).isEqualTo("中共党员");
                }
            } else {
                assertThat(age).isBetween(14, 27);
            }
        }
    }

    @Test
    @DisplayName("R-MEM-4 joined at 14 or later and never after today")
    void joinAges() {
        for (Person person : people(jiangsu(), 3, 5_000)) {
            LocalDate birth = IdNumbers.birthDate(person.idNumber());
            assertThat(person.joinDate()).isAfterOrEqualTo(birth.plusYears(14)).isBeforeOrEqualTo(TODAY);
        }
    }

    @Test
    @DisplayName("R-MEM-4 someone born on 29 February joins at 14 on 1 March of a common year at the earliest, not on 28 February")
    void leapDayBirths() {
        PeopleFactory factory = jiangsu();
        LocalDate leapDay = LocalDate.of(2008, 2, 29);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 2_000; i++) {
            assertThat(factory.joinDate(random, leapDay)).isAfterOrEqualTo(LocalDate.of(2022, 3, 1));
        }
    }

    @Test
    @DisplayName("R-MEM-5 a development number from 2016 on (required from 2017): 12 digits, the join year, the org's province, never twice")
    void developmentNumbers() {
        Set<String> numbers = new HashSet<>();
        int given = 0;
        for (Person person : people(jiangsu(), 4, 20_000)) {
            String number = person.developmentNumber();
            if (person.joinDate().getYear() >= 2016) {
                assertThat(number).hasSize(12).containsOnlyDigits()
                        .startsWith(person.joinDate().getYear() + "32");
                assertThat(numbers.add(number)).isTrue();
                given++;
            } else {
                assertThat(number).isNull();
            }
        }
        assertThat(given).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("the same seed gives the same people; the town's ranges stay clear of the province's")
    void deterministic() {
        assertThat(people(jiangsu(), 5, 1_000)).isEqualTo(people(jiangsu(), 5, 1_000));
        assertThat(people(jiangsu(), 5, 1_000)).isNotEqualTo(people(jiangsu(), 6, 1_000));
        for (Person person : people(jiangsu(), 7, 2_000)) {
            assertThat(Integer.parseInt(person.idNumber().substring(14, 17))).isBetween(0, 899);
        }
        PeopleFactory town = new PeopleFactory("32", CountryPlan.REGIONS.get("32"), TODAY, 900, 990, 900_000);
        for (Person person : people(town, 7, 2_000)) {
            assertThat(Integer.parseInt(person.idNumber().substring(14, 17))).isBetween(900, 989);
            if (person.developmentNumber() != null) {
                assertThat(Integer.parseInt(person.developmentNumber().substring(6))).isGreaterThanOrEqualTo(900_000);
            }
        }
    }

    @Test
    @DisplayName("real-looking details: Chinese names, 11-digit mobiles for most (the rest incomplete, R-MEM-6), ethnicities")
    void details() {
        List<Person> people = people(jiangsu(), 8, 2_000);
        assertThat(people).allSatisfy(person -> assertThat(person.name()).matches("[\\u4e00-\\u9fa5]{2,3}"));
        long withMobile = people.stream().filter(person -> person.mobile() != null).count();
        assertThat(withMobile).isBetween(1_700L, 1_950L);
        assertThat(people).filteredOn(person -> person.mobile() != null)
                .allSatisfy(person -> assertThat(person.mobile()).matches("1[3-9]\\d{9}"));
        assertThat(people).extracting(Person::ethnicity).contains("汉族").hasSizeGreaterThan(1);
    }
}
