package cn.league.identity.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import cn.league.contracts.member.IdNumberCheckCharacter;

/** Valid 18-character ID numbers (GB 11643 check digit) nobody else in the test run holds. */
public final class IdNumbers {

    /** Every number handed out in this test run: a random one may repeat (one in a few thousand per test class). */
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private IdNumbers() {
    }

    /** A person the centre knows (sequence code below 990). */
    public static String known() {
        return withSequence(ThreadLocalRandom.current().nextInt(0, 990));
    }

    /** A person the centre learns of only after its lag (sequence code 990–999, see the centre's Registry). */
    public static String newlyRegistered() {
        return withSequence(990 + ThreadLocalRandom.current().nextInt(10));
    }

    private static String withSequence(int sequence) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String first17 = String.format("330106%04d%02d%02d%03d", 1990 + random.nextInt(15),
                    1 + random.nextInt(12), 1 + random.nextInt(28), sequence);
            String idNumber = IdNumberCheckCharacter.complete(first17);
            if (ISSUED.add(idNumber)) {
                return idNumber;
            }
        }
    }
}
