package cn.league.identitycentre;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the centre knows, by rules anyone can predict from the pair alone (so tests and demos know the answer):
 * <ol>
 *   <li>an ID number that is not 18 characters with a valid GB 11643 check digit: 查无此人;</li>
 *   <li>a newly registered person, i.e. an ID whose sequence code (characters 15–17) is 990–999: 查无此人 until
 *       {@code lag} has passed since the centre was first asked about that ID, then as below — the centre's data
 *       lags behind the registers (the reason for R-ID-3);</li>
 *   <li>a name containing 错 ("wrong"): 不一致;</li>
 *   <li>anything else: 一致.</li>
 * </ol>
 */
public class Registry {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final Map<String, Instant> firstAsked = new ConcurrentHashMap<>();

    public Verdict check(String idNumber, String name, Instant now, Duration lag) {
        if (idNumber == null || name == null || !wellFormed(idNumber)) {
            return Verdict.NOT_FOUND;
        }
        String id = idNumber.toUpperCase(java.util.Locale.ROOT);
        if (newlyRegistered(id)) {
            Instant first = firstAsked.computeIfAbsent(id, key -> now);
            if (now.isBefore(first.plus(lag))) {
                return Verdict.NOT_FOUND;
            }
        }
        return name.contains("错") ? Verdict.MISMATCH : Verdict.MATCH;
    }

    static boolean newlyRegistered(String idNumber) {
        return idNumber.charAt(14) == '9' && idNumber.charAt(15) == '9';
    }

    static boolean wellFormed(String idNumber) {
        if (idNumber.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(idNumber.charAt(17)) == CHECK_CHARACTERS.charAt(sum % 11);
    }
}
