package cn.league.seeder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The people of one province, by the entry rules they must pass (R-MEM-3 ages, R-MEM-4 join ages, R-MEM-5 development
 * numbers, R-ID-4 valid ID numbers, R-AUTH-5 each ID once): every ID and development number it hands out is new in
 * this province's run. Deterministic: the same calls in the same order give the same people. Public for the seeded
 * stack benchmark (system-test), whose new people are made the same way, from ID sequence codes of its own.
 */
public final class PeopleFactory {

    static final List<String> POSTS = List.of("书记", "副书记", "组织委员", "宣传委员");
    private static final String[] ETHNICITIES = {"壮族", "回族", "满族", "苗族", "彝族", "土家族", "藏族", "蒙古族", "维吾尔族"};
    private static final String[] EDUCATION = {"高中", "中专", "大专", "本科", "本科", "硕士研究生"};
    private static final String[] CADRE_EDUCATION = {"大专", "本科", "本科", "本科", "硕士研究生"};
    private static final String[] MOBILE_PREFIX = {"13", "15", "17", "18", "19"};

    private final String provinceCode;
    private final List<String> regions;
    private final LocalDate today;
    private final int firstSequence;
    private final int sequences;
    private final int firstDevelopmentSerial;
    private final Set<String> ids = new HashSet<>();
    private final Map<Integer, Integer> developmentSerials = new HashMap<>();

    /**
     * @param regions                GB/T 2260 county codes of the province, for the ID numbers
     * @param firstSequence          the ID sequence codes used are {@code firstSequence} up to {@code endSequence}
     * @param endSequence            (exclusive; at most 990: 990–999 are people the identity centre learns of late)
     * @param firstDevelopmentSerial the last 6 digits of development numbers start here, per join year
     */
    public PeopleFactory(String provinceCode, List<String> regions, LocalDate today, int firstSequence,
                         int endSequence, int firstDevelopmentSerial) {
        if (firstSequence < 0 || endSequence > 990 || firstSequence >= endSequence) {
            throw new IllegalArgumentException("ID sequence codes " + firstSequence + " to " + endSequence);
        }
        this.provinceCode = provinceCode;
        this.regions = regions;
        this.today = today;
        this.firstSequence = firstSequence;
        this.sequences = endSequence - firstSequence;
        this.firstDevelopmentSerial = firstDevelopmentSerial;
    }

    public Person member(RandomGenerator random, AgeBand band) {
        int age = band.youngest + random.nextInt(band.oldest - band.youngest + 1);
        LocalDate birth = birthDate(random, age);
        int roll = random.nextInt(100);
        String status = age >= 18 && roll < 3 ? "中共党员" : age >= 18 && roll < 5 ? "中共预备党员" : "共青团员";
        String education = band.education != null ? band.education : EDUCATION[random.nextInt(EDUCATION.length)];
        return person(random, birth, status, education, null);
    }

    /** A cadre of 24 to 40; party members from 28 on. */
    Person cadre(RandomGenerator random, String postTitle) {
        int age = 24 + random.nextInt(17);
        LocalDate birth = birthDate(random, age);
        String status = age >= 28 || random.nextInt(3) == 0 ? "中共党员" : "共青团员";
        return person(random, birth, status, CADRE_EDUCATION[random.nextInt(CADRE_EDUCATION.length)], postTitle);
    }

    private Person person(RandomGenerator random, LocalDate birth, String status, String education, String post) {
        String id = idNumber(random, birth);
        LocalDate joined = joinDate(random, birth);
        String ethnicity = random.nextInt(100) < (provinceCode.equals("65") ? 45 : 8)
                ? ETHNICITIES[random.nextInt(ETHNICITIES.length)] : "汉族";
        String mobile = random.nextInt(100) < 8 ? null : mobile(random);
        return new Person(id, Names.person(random), ethnicity, status, education, joined, developmentNumber(joined),
                mobile, post);
    }

    /** Someone who is {@code age} today. */
    LocalDate birthDate(RandomGenerator random, int age) {
        LocalDate latest = today.minusYears(age);
        LocalDate earliest = today.minusYears(age + 1L).plusDays(1);
        return earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
    }

    /**
     * Joined at 14 or 15 (the strictest of R-MEM-4's minimums, 14, holds for every join date and in Xinjiang too),
     * never after today.
     */
    LocalDate joinDate(RandomGenerator random, LocalDate birth) {
        LocalDate from = birth.plusYears(14);
        if (from.getDayOfMonth() != birth.getDayOfMonth()) {
            from = from.plusDays(1); // born on 29 February: 14 only on 1 March of a common year
        }
        LocalDate to = birth.plusYears(16).minusDays(1);
        if (to.isAfter(today)) {
            to = today;
        }
        return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
    }

    /**
     * R-MEM-5: required for joins from 2017 (Xinjiang 2016), given here from 2016 everywhere: the join year, the
     * province of the member's org, and a serial of this province and year.
     */
    String developmentNumber(LocalDate joined) {
        if (joined.getYear() < 2016) {
            return null;
        }
        int serial = firstDevelopmentSerial + developmentSerials.merge(joined.getYear(), 1, Integer::sum) - 1;
        if (serial > 999_999) {
            throw new IllegalStateException("development numbers of " + provinceCode + " in " + joined.getYear()
                    + " used up");
        }
        return "%d%s%06d".formatted(joined.getYear(), provinceCode, serial);
    }

    private String idNumber(RandomGenerator random, LocalDate birth) {
        String region = regions.get(random.nextInt(regions.size()));
        int start = random.nextInt(sequences);
        for (int i = 0; i < sequences; i++) {
            String id = IdNumbers.of(region, birth, firstSequence + (start + i) % sequences);
            if (ids.add(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no ID number left for " + region + " " + birth);
    }

    private static String mobile(RandomGenerator random) {
        return MOBILE_PREFIX[random.nextInt(MOBILE_PREFIX.length)] + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    int issued() {
        return ids.size();
    }
}
