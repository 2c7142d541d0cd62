package cn.league.member.registration;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.member.MemberEvents.RegistrationOutcome;
import cn.league.contracts.member.MemberEvents.RegistrationRequested;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.membership.MemberEntry;
import cn.league.member.person.IdNumberOnceRule;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.member.registration.Registration.State;
import cn.league.member.scope.MemberScope;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * 团员团干部注册 (R-AUTH-4, FAQ 3): a logged-in person asks to join an org as a member (into a branch,
 * R-MEM-1) or as a cadre with a post; the org's admin, or an admin above it (R-SCOPE-1), approves or
 * rejects with a reason; the applicant may withdraw (撤销申请, FAQ 37). Approval adds the person exactly as
 * an admin's entry does ({@link MemberEntry}).
 */
@Service
public class SelfRegistration {

    private final RegistrationStore registrations;
    private final PersonStore people;
    private final MemberEntry entry;
    private final MemberScope scope;
    private final OrgTree tree;
    private final IdNumberRule idNumbers;
    private final Outbox outbox;
    private final Clock clock;

    SelfRegistration(RegistrationStore registrations, PersonStore people, MemberEntry entry, MemberScope scope,
                     OrgTree tree, IdNumberRule idNumbers, Outbox outbox, ObjectProvider<Clock> clock) {
        this.registrations = registrations;
        this.people = people;
        this.entry = entry;
        this.scope = scope;
        this.tree = tree;
        this.idNumbers = idNumbers;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a request must meet before anything is stored: the org is there and takes what is asked for. */
    @Transactional(readOnly = true)
    public OrgSnapshot check(RegistrationRequest request) {
        OrgSnapshot org = tree.find(request.orgId()).orElseThrow(SelfRegistration::orgNotFound);
        RegistrationTargetRule.check(request.kind(), request.postTitle(), org);
        return org;
    }

    @Transactional
    public Registration request(String caller, RegistrationRequest request) {
        IdNumber id = idNumbers.require(caller);
        OrgSnapshot org = check(request);
        if (people.exists(id.value())) {
            throw IdNumberOnceRule.refusal();
        }
        if (registrations.hasPending(id.value())) {
            throw alreadyPending();
        }
        String postTitle = request.kind() == RegistrationKind.CADRE ? request.postTitle().strip() : null;
        long registrationId;
        try {
            registrationId = registrations.insert(id.value(), org.id(), org.path(), request.kind(), postTitle,
                    request.profileOf(id.value()), clock.instant());
        } catch (DuplicateKeyException raced) {
            throw alreadyPending();
        }
        outbox.publish(Topics.MEMBER_EVENTS, new RegistrationRequested(registrationId, id.value(),
                request.name().strip(), org.id(), request.kind(), postTitle), id.value(), org.path());
        return registrations.find(registrationId).orElseThrow();
    }

    /** The applicant themself (R-SCOPE-3) or an admin of the org or above (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public Registration show(String caller, long registrationId) {
        Registration registration = registrations.find(registrationId).orElseThrow(SelfRegistration::notFound);
        requireVisible(caller, registration);
        return registration;
    }

    @Transactional
    public Registration approve(String caller, long registrationId) {
        Registration registration = registrations.lock(registrationId).orElseThrow(SelfRegistration::notFound);
        requireVisible(caller, registration);
        OrgSnapshot org = scope.requireOrgInScope(caller, registration.orgId());
        requirePending(registration);
        Person person = registration.kind() == RegistrationKind.MEMBER
                ? entry.admitMember(org, registration.profile())
                : entry.admitCadre(org, registration.profile());
        return close(registration, State.APPROVED, RegistrationOutcome.APPROVED, caller, null, person.idNumber());
    }

    @Transactional
    public Registration reject(String caller, long registrationId, String reason) {
        Registration registration = registrations.lock(registrationId).orElseThrow(SelfRegistration::notFound);
        requireVisible(caller, registration);
        scope.requireOrgInScope(caller, registration.orgId());
        requirePending(registration);
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "REJECTION_REASON_REQUIRED", "R-AUTH-4",
                    "请填写退回原因");
        }
        return close(registration, State.REJECTED, RegistrationOutcome.REJECTED, caller, reason.strip(),
                registration.idNumber());
    }

    /** 撤销申请: only the applicant, only while pending (FAQ 37). */
    @Transactional
    public Registration withdraw(String caller, long registrationId) {
        Registration registration = registrations.lock(registrationId).orElseThrow(SelfRegistration::notFound);
        requireVisible(caller, registration);
        if (!caller.equals(registration.idNumber())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "NOT_APPLICANT", "R-SCOPE-3", "只能撤销本人的注册申请");
        }
        requirePending(registration);
        return close(registration, State.WITHDRAWN, RegistrationOutcome.WITHDRAWN, caller, null,
                registration.idNumber());
    }

    /** Pending requests into the org and the orgs below it, for its admin (R-SCOPE-1). */
    @Transactional(readOnly = true)
    public List<Registration> pendingUnder(String caller, long orgId, long after, int size) {
        OrgSnapshot org = scope.requireOrgInScope(caller, orgId);
        return registrations.pendingUnder(org.path(), after, size);
    }

    /** The full name of a request's org, for the applicant, who may not read the org itself. */
    @Transactional(readOnly = true)
    public String orgName(long orgId) {
        return tree.find(orgId).map(OrgSnapshot::fullName).orElse(null);
    }

    /** The caller's own requests, newest first (R-SCOPE-3). */
    @Transactional(readOnly = true)
    public List<Registration> mine(String caller, long before, int size) {
        return registrations.mine(caller, before, size);
    }

    /**
     * The applicant themself (R-SCOPE-3) or an admin of the org or above (R-SCOPE-1); to anyone else the request is
     * not there, as for an unknown id (docs/security.md).
     */
    private void requireVisible(String caller, Registration registration) {
        if (!caller.equals(registration.idNumber()) && !tree.mayActOn(caller, registration.orgId())) {
            throw notFound();
        }
    }

    private static void requirePending(Registration registration) {
        if (!registration.pending()) {
            throw notPending();
        }
    }

    private Registration close(Registration registration, State state, RegistrationOutcome outcome, String closedBy,
                               String reason, String idNumber) {
        registrations.close(registration.id(), state, clock.instant(), closedBy, reason);
        outbox.publish(Topics.MEMBER_EVENTS, new RegistrationClosed(registration.id(), idNumber,
                registration.orgId(), outcome, closedBy, reason), idNumber, registration.orgPath());
        return registrations.find(registration.id()).orElseThrow();
    }

    static ProblemException alreadyPending() {
        return new ProblemException(HttpStatus.CONFLICT, "REGISTRATION_ALREADY_PENDING", "R-AUTH-4",
                "已有注册申请正在办理,不能重复发起");
    }

    private static ProblemException notPending() {
        return new ProblemException(HttpStatus.CONFLICT, "REGISTRATION_NOT_PENDING", "R-AUTH-4", "该注册申请已办结");
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "REGISTRATION_NOT_FOUND", null, "注册申请不存在");
    }

    private static ProblemException orgNotFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "ORG_NOT_FOUND", null, "团组织不存在");
    }
}
