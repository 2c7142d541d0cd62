package cn.league.member.profile;

import java.time.LocalDate;
import java.util.List;

import cn.league.member.idnumber.Gender;
import cn.league.member.person.Person;
import cn.league.member.profile.ProfileStore.OrgPlace;
import cn.league.member.profile.ProfileStore.Placement;

/**
 * A person's profile as they and their admins read it (个人资料): the person's fields, where their
 * membership is, their posts, the identity check's status (R-ID-1) and completeness (R-MEM-6).
 *
 * @param verificationLabel  未校验 / 校验通过 / 校验不通过 (R-ID-1)
 * @param verificationReason the centre's verdict when FAILED (不一致, 查无此人), else null
 * @param missing the required fields still empty, in the form's words; empty when complete
 */
public record Profile(String idNumber, String name, LocalDate birthDate, Gender gender, String ethnicity,
                      String politicalStatus, String education, LocalDate joinDate, String developmentNumber,
                      String mobile, String email, String address, String emergencyContact, String emergencyPhone,
                      boolean graduate, boolean delayedGraduate, boolean teacher, Person.Verification verification,
                      String verificationLabel, String verificationReason, Membership membership, List<Post> posts, boolean complete, List<String> missing) {

    /** The branch holding the membership (组织关系). */
    public record Membership(long branchId, String branchName) {
    }

    /** A cadre post (职务) in an org. */
    public record Post(long orgId, String orgName, String title) {
    }

    static Profile of(Person person, Placement placement, String verificationReason) {
        List<String> missing = PersonCompleteness.missing(person, !placement.posts().isEmpty(),
                placement.postTitles(), placement.provinceCodes());
        OrgPlace branch = placement.branch();
        return new Profile(person.idNumber(), person.name(), person.birthDate(), person.gender(), person.ethnicity(),
                person.politicalStatus(), person.education(), person.joinDate(), person.developmentNumber(),
                person.mobile(), person.email(), person.address(), person.emergencyContact(),
                person.emergencyPhone(), person.graduate(), person.delayedGraduate(), person.teacher(),
                person.verification(), person.verification().label(),
                person.verification() == Person.Verification.FAILED ? verificationReason : null,
                branch == null ? null : new Membership(branch.orgId(), branch.orgName()),
                placement.posts().stream().map(post -> new Post(post.orgId(), post.orgName(), post.title())).toList(),
                missing.isEmpty(), missing);
    }
}
