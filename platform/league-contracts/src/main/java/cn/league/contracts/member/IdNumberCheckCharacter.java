package cn.league.contracts.member;

/**
 * The 18th character of a resident ID number (GB 11643, ISO 7064 MOD 11-2), computed from its first 17 digits: what
 * member-service's ID rule (R-ID-4) checks and what every generator of valid test or demo numbers must produce.
 */
public final class IdNumberCheckCharacter {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    // Indexed by the weighted sum mod 11.
    private static final char[] CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumberCheckCharacter() {
    }

    /** The weight of the digit at {@code position} (0–16), for callers that sum while they parse. */
    public static int weight(int position) {
        return WEIGHTS[position];
    }

    /** The check character for a weighted sum of the first 17 digits. */
    public static char ofWeightedSum(int sum) {
        return CHARACTERS[sum % 11];
    }

    /** The check character of the first 17 characters of {@code digits}, which must be digits. */
    public static char of(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return ofWeightedSum(sum);
    }

    /** The 17 digits followed by their check character. */
    public static String complete(String first17) {
        return first17 + of(first17);
    }
}
