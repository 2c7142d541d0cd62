package cn.league.member.membership;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.entry.DevelopmentNumberRule;
import cn.league.member.entry.EntryCheck;
import cn.league.member.entry.EntryFacts;
import cn.league.member.entry.EntryRole;
import cn.league.member.entry.PoliticalStatus;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.person.IdNumberOnceRule;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.member.profile.PersonCompleteness;
import cn.league.member.scope.MemberScope;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * Entering people one at a time: members into a branch (R-MEM-1) — a committee's admin enters them
 * straight into its child branches — and cadres into any org (录入本级团干部, R-MEM-2). Every entry
 * rule is checked; an ID number already in the system is refused without saying where (R-AUTH-5).
 */
@Service
public class MemberEntry {

    private final PersonStore people;
    private final MembershipStore memberships;
    private final MemberScope scope;
    private final EntryCheck entryCheck;
    private final Outbox outbox;

    public MemberEntry(PersonStore people, MembershipStore memberships, MemberScope scope, EntryCheck entryCheck,
                       Outbox outbox) {
        this.people = people;
        this.memberships = memberships;
        this.scope = scope;
        this.entryCheck = entryCheck;
        this.outbox = outbox;
    }

    @Transactional
    public Person enterMember(String caller, long branchId, NewPerson entry) {
        return admitMember(scope.requireOrgInScope(caller, branchId), entry);
    }

    @Transactional
    public Person enterCadre(String caller, long orgId, NewPerson entry) {
        return admitCadre(scope.requireOrgInScope(caller, orgId), entry);
    }

    /**
     * Adds a member to a branch once the caller's right to do so is settled: an admin's entry, or an approved
     * self-registration (R-AUTH-4). Both paths check the same rules here.
     */
    @Transactional
    public Person admitMember(OrgSnapshot branch, NewPerson entry) {
        MembershipRule.checkBranch(branch);
        Person person = add(entry, EntryRole.MEMBER, branch);
        memberships.startMembership(person.idNumber(), branch.id(), branch.path());
        outbox.publish(Topics.MEMBER_EVENTS, PersonEntered.member(person.idNumber(), person.name(),
                person.mobile() != null, branch.id(), PersonCompleteness.completeOnEntry(person, branch, null)), person.idNumber(), branch.path());
        return person;
    }

    /** Adds a cadre with a post in the org once the caller's right is settled (admin entry or approved registration). */
    @Transactional
    public Person admitCadre(OrgSnapshot org, NewPerson entry) {
        checkPostTitle(entry.postTitle());
        Person person = add(entry, EntryRole.CADRE, org);
        String title = entry.postTitle().strip();
        memberships.addPost(person.idNumber(), org.id(), title, org.path());
        outbox.publish(Topics.MEMBER_EVENTS, PersonEntered.cadre(person.idNumber(), person.name(),
                person.mobile() != null, new Post(org.id(), title), PersonCompleteness.completeOnEntry(person, org, title)), person.idNumber(), org.path());
        return person;
    }

    /** R-ID-4, R-MEM-3, R-MEM-4, R-MEM-5 for the org the person enters, then R-AUTH-5. */
    private Person add(NewPerson entry, EntryRole role, OrgSnapshot org) {
        PoliticalStatus status = PoliticalStatus.ofLabel(entry.politicalStatus()).orElseThrow(() ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "POLITICAL_STATUS_UNKNOWN", "R-MEM-6",
                        "政治面貌不正确"));
        int orgProvince = org.provinceCode() == null ? 0 : Integer.parseInt(org.provinceCode());
        IdNumber id = entryCheck.require(new EntryFacts(entry.idNumber(), entry.name(), role, status,
                entry.joinDate(), entry.developmentNumber(), orgProvince), people::developmentNumberTakenByOther);
        if (people.exists(id.value())) {
            throw IdNumberOnceRule.refusal();
        }
        Person person = new Person(id.value(), entry.name().strip(), id.birthDate(), id.gender(), entry.ethnicity(),
                status.label(), entry.education(), entry.joinDate(), blankToNull(entry.developmentNumber()),
                blankToNull(entry.mobile()), blankToNull(entry.email()), entry.address(), entry.emergencyContact(),
                entry.emergencyPhone(), false, false, false, Person.Verification.UNVERIFIED);
        try {
            people.insert(person);
        } catch (DuplicateKeyException raced) {
            throw raced.getMessage() != null && raced.getMessage().contains("development_number")
                    ? DevelopmentNumberRule.TAKEN.toProblem()
                    : IdNumberOnceRule.refusal();
        }
        return person;
    }

    /** R-MEM-6: a cadre is entered with a post. */
    public static void checkPostTitle(String postTitle) {
        if (postTitle == null || postTitle.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "POST_REQUIRED", "R-MEM-6", "请选择团干部职务");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
