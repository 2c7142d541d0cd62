package cn.league.member.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.member.entry.DevelopmentNumberRule;
import cn.league.member.entry.EntryViolation;
import cn.league.member.entry.Xinjiang;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.person.IdNumberOnceRule;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.member.profile.ProfileStore.Placement;
import cn.league.member.scope.MemberScope;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * Reading and editing a person's profile (个人资料).
 * <ul>
 * <li>Reading: the person themself (R-SCOPE-3) or an admin of any org above one of their orgs (R-SCOPE-1).
 * Anyone else gets the same refusal whether the person exists or not.</li>
 * <li>Editing and correcting the development number: the person, or an admin of their own org or its
 * direct parent (R-MEM-7, FAQ 25).</li>
 * <li><b>Decision</b>: name and ID number are changed by an admin only, never by the person — not even an
 * admin editing their own profile. They are what the identity check uses, and self-edits of them are the
 * FAQ's own cause of failed checks (FAQ 17 case 2). Changing either resets the check to UNVERIFIED and
 * says so in {@link IdentityDetailsChanged} so identity verification checks the person again (R-ID-2).</li>
 * </ul>
 */
@Service
public class PersonProfiles {

    private final ProfileStore profiles;
    private final PersonStore people;
    private final MemberScope scope;
    private final IdNumberRule idNumbers;
    private final DevelopmentNumberRule developmentNumbers;
    private final Outbox outbox;

    public PersonProfiles(ProfileStore profiles, PersonStore people, MemberScope scope, IdNumberRule idNumbers,
                          DevelopmentNumberRule developmentNumbers, Outbox outbox) {
        this.profiles = profiles;
        this.people = people;
        this.scope = scope;
        this.idNumbers = idNumbers;
        this.developmentNumbers = developmentNumbers;
        this.outbox = outbox;
    }

    @Transactional(readOnly = true)
    public Profile read(String caller, String idNumber) {
        String person = canonical(idNumber);
        scope.requireVisiblePerson(caller, person);
        return load(person);
    }

    @Transactional
    public Profile edit(String caller, String idNumber, ProfileEdit form) {
        String current = canonical(idNumber);
        requireEditor(caller, current);
        Person before = profiles.find(current).orElseThrow(MemberScope::personNotFound);
        ProfileEdit edit = form.normalised();
        String name = edit.name() == null ? before.name() : edit.name();
        IdNumber newId = edit.idNumber() == null ? null : idNumbers.require(edit.idNumber());
        if (newId != null && newId.value().equals(current)) {
            newId = null;
        }
        boolean identityChanged = newId != null || !name.equals(before.name());
        if (identityChanged && caller.equals(current)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "IDENTITY_CHANGE_BY_ADMIN_ONLY", "R-ID-2",
                    "姓名和身份证号码只能由组织管理员修改");
        }
        if (!Objects.equals(edit.joinDate(), before.joinDate()) && before.developmentNumber() != null) {
            checkDevelopmentNumber(before.developmentNumber(), edit.joinDate(), current, profiles.placement(current));
        }

        profiles.updateContactDetails(current, edit);
        String idNumberNow = current;
        if (identityChanged) {
            changeIdentity(current, newId, name);
            idNumberNow = newId == null ? current : newId.value();
        }

        Placement placement = profiles.placement(idNumberNow);
        if (identityChanged) {
            outbox.publish(Topics.MEMBER_EVENTS, new IdentityDetailsChanged(idNumberNow, current, name, before.name(),
                    Person.Verification.UNVERIFIED.name()), idNumberNow, placement.orgPath());
        }
        return published(idNumberNow, placement);
    }

    /** R-MEM-7 (FAQ 25): the person or an admin of their org or its direct parent corrects 发展团员编号. */
    @Transactional
    public Profile correctDevelopmentNumber(String caller, String idNumber, String developmentNumber) {
        String person = canonical(idNumber);
        requireEditor(caller, person);
        Person before = profiles.find(person).orElseThrow(MemberScope::personNotFound);
        String number = developmentNumber == null || developmentNumber.isBlank() ? null : developmentNumber.strip();
        Placement placement = profiles.placement(person);
        checkDevelopmentNumber(number, before.joinDate(), person, placement);
        try {
            profiles.setDevelopmentNumber(person, number);
        } catch (DuplicateKeyException raced) {
            throw developmentNumberTaken();
        }
        return published(person, placement);
    }

    /** R-MEM-5 on a stored person: required, format, year, segment of their org's province, not someone else's. */
    private void checkDevelopmentNumber(String number, LocalDate joinDate, String idNumber, Placement placement) {
        int orgProvince = placement.provinceCodes().stream().filter(Objects::nonNull).findFirst()
                .map(Integer::parseInt).orElse(0);
        List<EntryViolation> violations = developmentNumbers.check(number, joinDate,
                Xinjiang.applies(idNumber, placement.provinceCodes()), orgProvince, idNumber,
                people::developmentNumberTakenByOther);
        if (!violations.isEmpty()) {
            throw violations.getFirst().toProblem();
        }
    }

    /** R-ID-2 and, for a new ID number, R-AUTH-5 in the same words as on entry. */
    private void changeIdentity(String current, IdNumber newId, String name) {
        if (newId != null && people.exists(newId.value())) {
            throw IdNumberOnceRule.refusal();
        }
        try {
            profiles.changeIdentity(current, newId, name);
        } catch (DuplicateKeyException raced) {
            throw IdNumberOnceRule.refusal();
        }
    }

    // Every edit says what other services keep of the profile (org-service: the secretary's mobile, R-ORG-5;
    // stats-service: completeness, R-STAT-1).
    private Profile published(String idNumber, Placement placement) {
        Profile profile = Profile.of(profiles.find(idNumber).orElseThrow(MemberScope::personNotFound), placement,
                profiles.verificationReason(idNumber));
        outbox.publish(Topics.MEMBER_EVENTS, new ProfileChanged(idNumber, profile.name(), profile.mobile() != null,
                profile.complete()), idNumber, placement.orgPath());
        return profile;
    }

    private Profile load(String idNumber) {
        Person person = profiles.find(idNumber).orElseThrow(MemberScope::personNotFound);
        return Profile.of(person, profiles.placement(idNumber), profiles.verificationReason(idNumber));
    }

    /** R-MEM-7: the person, or an admin of their own org or its direct parent; a higher admin sees, not edits. */
    private void requireEditor(String caller, String idNumber) {
        scope.requireVisiblePerson(caller, idNumber);
        if (!caller.equals(idNumber) && !profiles.administersOwnOrParentOrg(caller, idNumber)) {
            throw MemberScope.outOfScope();
        }
    }

    private static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    private static ProblemException developmentNumberTaken() {
        return DevelopmentNumberRule.TAKEN.toProblem();
    }
}
