package cn.league.identity.status;

/**
 * What a verdict of the centre makes of a person: 一致 passes; 不一致 and 查无此人 fail, with the verdict as the reason
 * the admin reads (FAQ 17: a wrong pair, or the centre not knowing the person yet). A verdict the centre may add
 * later fails too, with its own words, rather than passing someone unconfirmed.
 */
public record Outcome(VerificationStatus status, String reason) {

    public static final String MATCH = "一致";

    public static Outcome of(String verdict) {
        return MATCH.equals(verdict) ? new Outcome(VerificationStatus.PASSED, null)
                : new Outcome(VerificationStatus.FAILED, verdict == null || verdict.isBlank() ? "无结果" : verdict);
    }

    public boolean passed() {
        return status == VerificationStatus.PASSED;
    }
}
