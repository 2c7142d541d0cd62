package cn.league.contracts.identity;

import java.time.Instant;

import cn.league.contracts.EventType;

/**
 * Facts identity-verification-service publishes on {@code league.identity.events} (公民身份核验, R-ID-1): a person's
 * check against the citizen identity centre changed its outcome. The Kafka key is the person's ID number
 * (upper-case). {@code name} and {@code idNumber} are the details the centre checked (R-ID-2): a consumer that
 * meanwhile knows other details for the person ignores the verdict, a new check is on its way. {@code orgId} is
 * where the person is (their branch, or the org of a cadre post), or null when that is not known yet.
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /** The centre confirmed that the name belongs to the ID number (校验通过). */
    @EventType("IdentityVerified.v1")
    public record IdentityVerified(String idNumber, String name, Long orgId, Instant checkedAt) {
    }

    /**
     * The centre did not confirm the pair (校验不通过); {@code reason} is the centre's verdict, 不一致 or 查无此人. Such
     * people are checked again later (R-ID-3), since the centre's data lags.
     */
    @EventType("IdentityVerificationFailed.v1")
    public record IdentityVerificationFailed(String idNumber, String name, Long orgId, String reason,
                                             Instant checkedAt) {
    }
}
