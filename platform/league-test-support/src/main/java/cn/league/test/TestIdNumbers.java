package cn.league.test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.league.contracts.member.IdNumberCheckCharacter;

/**
 * Valid ID numbers (GB/T 2260 region, real birth date, GB 11643 check digit) that no other call in this test JVM
 * got, starting at a random point so that runs against a kept database rarely meet an earlier run's numbers.
 */
public final class TestIdNumbers {

    private static final String[] REGIONS = {"110101", "110102", "110105", "310101", "440106", "440305", "510104"};
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final int FIRST_REGION = ThreadLocalRandom.current().nextInt(REGIONS.length);

    private TestIdNumbers() {
    }

    /** Someone born on that day. */
    public static String bornOn(LocalDate birthDate) {
        int sequence = SEQUENCE.incrementAndGet();
        String region = REGIONS[(FIRST_REGION + sequence / 1000) % REGIONS.length];
        String body = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence % 1000);
        return IdNumberCheckCharacter.complete(body);
    }

    /** Someone born between 1990 and 2004. */
    public static String fresh() {
        int sequence = SEQUENCE.get();
        return bornOn(LocalDate.of(1990 + sequence % 15, 1 + sequence % 12, 1 + sequence % 28));
    }
}
