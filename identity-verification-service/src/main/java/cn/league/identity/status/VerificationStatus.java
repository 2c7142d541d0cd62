package cn.league.identity.status;

/** R-ID-1: where a person's check against the citizen identity centre stands; UNVERIFIED blocks nothing. */
public enum VerificationStatus {

    UNVERIFIED("未校验"), PASSED("校验通过"), FAILED("校验不通过");

    private final String label;

    VerificationStatus(String label) {
        this.label = label;
    }

    /** What admins read on profiles and lists. */
    public String label() {
        return label;
    }
}
