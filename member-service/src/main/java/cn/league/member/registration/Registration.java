package cn.league.member.registration;

import java.time.Instant;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.member.membership.NewPerson;

/**
 * A self-registration (团员团干部注册, R-AUTH-4): the applicant's own profile and what they ask for, waiting
 * for the org's admin.
 *
 * @param profile the applicant's fields as an admin's entry would give them; its ID number is the applicant's
 */
public record Registration(long id, String idNumber, long orgId, String orgPath, RegistrationKind kind,
                           String postTitle, NewPerson profile, State state, Instant requestedAt, Instant closedAt,
                           String closedBy, String reason) {

    public enum State { PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED }

    public boolean pending() {
        return state == State.PENDING;
    }
}
