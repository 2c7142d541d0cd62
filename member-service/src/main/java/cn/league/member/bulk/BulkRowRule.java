package cn.league.member.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.entry.DevelopmentNumbers;
import cn.league.member.entry.EntryCheck;
import cn.league.member.entry.EntryFacts;
import cn.league.member.entry.EntryOutcome;
import cn.league.member.entry.EntryViolation;
import cn.league.member.entry.PoliticalStatus;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.membership.MemberEntry;
import cn.league.member.person.IdNumberOnceRule;
import cn.league.support.problem.ProblemException;

/**
 * R-IMP-3: decides one bulk row against every rule of single entry ({@link MemberEntry}), from what the batch
 * prefetched — the caller's scope over the target (R-SCOPE-1), the target's type (R-MEM-1), the post (R-MEM-6),
 * the political status, {@link EntryCheck} (R-ID-4, R-MEM-3, R-MEM-4, R-MEM-5), 身份证已注册 (R-AUTH-5) and the
 * file's own duplicates — listing every violation at once. A person who already holds exactly this membership or
 * post is ALREADY_IMPORTED (R-IMP-2), so a re-uploaded file does not import them twice nor call them failures.
 * <p>
 * A row whose target the caller may not act on is refused with what the row itself shows, never with what the
 * database knows about the person (R-AUTH-5: nothing about other orgs). Plain Java, thread-safe.
 */
public final class BulkRowRule {

    public static final EntryViolation POLITICAL_STATUS_UNKNOWN = new EntryViolation("POLITICAL_STATUS_UNKNOWN",
            "R-MEM-6", "政治面貌不正确");
    public static final EntryViolation ID_ALREADY_REGISTERED = violation(IdNumberOnceRule.refusal());
    public static final EntryViolation ROW_INCOMPLETE = new EntryViolation("ROW_INCOMPLETE", BatchDuplicates.RULE,
            "导入行缺少类型、团组织或人员信息");

    private final EntryCheck entryCheck;

    public BulkRowRule(EntryCheck entryCheck) {
        this.entryCheck = entryCheck;
    }

    /**
     * @param row         the row
     * @param fieldFaults the row's field violations (lengths, e-mail, required fields), as single entry's
     *                    validation reports them
     * @param duplicates  the row's R-IMP-3 in-file duplicates
     * @param batch       what the batch prefetched
     */
    public Verdict judge(BulkRow row, List<EntryViolation> fieldFaults, List<EntryViolation> duplicates, Batch batch) {
        if (row.kind() == null || row.orgId() == null || row.person() == null) {
            return new Refused(row.person() == null ? null : row.person().idNumber(), List.of(ROW_INCOMPLETE));
        }
        var person = row.person();
        List<EntryViolation> violations = new ArrayList<>(fieldFaults);
        Target target = batch.target(row.orgId());
        PoliticalStatus status = PoliticalStatus.ofLabel(person.politicalStatus()).orElse(null);
        if (target.refusal() != null) {
            violations.add(target.refusal());
            EntryOutcome local = entryCheck.check(facts(row, status, 0), DevelopmentNumbers.NONE_TAKEN);
            violations.addAll(local.violations());
            violations.addAll(duplicates);
            return new Refused(local.idNumber().map(IdNumber::value).orElse(person.idNumber()), violations);
        }
        OrgSnapshot org = target.org();
        if (row.kind() == BulkKind.MEMBER && target.notABranch() != null) {
            violations.add(target.notABranch());
        }
        if (row.kind() == BulkKind.CADRE && (person.postTitle() == null || person.postTitle().isBlank())) {
            violations.add(postRequired());
        }
        if (status == null) {
            violations.add(POLITICAL_STATUS_UNKNOWN);
        }
        EntryOutcome outcome = entryCheck.check(facts(row, status, provinceCode(org)), batch.developmentNumbers());
        IdNumber id = outcome.idNumber().orElse(null);
        violations.addAll(outcome.violations());
        if (id != null) {
            Existing existing = batch.existing(id.value());
            if (existing != null) {
                if (duplicates.isEmpty() && existing.holds(row.kind(), org.id(), person.postTitle())) {
                    return new AlreadyImported(id.value());
                }
                violations.add(ID_ALREADY_REGISTERED);
            }
        }
        violations.addAll(duplicates);
        if (!violations.isEmpty()) {
            return new Refused(id == null ? person.idNumber() : id.value(), violations);
        }
        return new Accepted(id, status, org);
    }

    /** Digits 1–2 of the org's GB/T 2260 code, 0 when it has none — as single entry reads them. */
    static int provinceCode(OrgSnapshot org) {
        return org.provinceCode() == null ? 0 : Integer.parseInt(org.provinceCode());
    }

    private static EntryFacts facts(BulkRow row, PoliticalStatus status, int orgProvinceCode) {
        var person = row.person();
        return new EntryFacts(person.idNumber(), person.name(), row.kind().role(), status, person.joinDate(),
                person.developmentNumber(), orgProvinceCode);
    }

    private static EntryViolation postRequired() {
        try {
            MemberEntry.checkPostTitle(null);
            throw new IllegalStateException("a missing post must be refused");
        } catch (ProblemException refused) {
            return violation(refused);
        }
    }

    /** A single-entry refusal as a row violation: the same code, rule and words. */
    static EntryViolation violation(ProblemException problem) {
        return new EntryViolation(problem.code(), problem.rule(), problem.detail());
    }

    /** What the batch prefetched once for all its rows. */
    public interface Batch {

        /** The caller's verdict on the org, asked once per distinct org. */
        Target target(long orgId);

        /** Who holds the batch's development numbers (R-MEM-5 编号被占用). */
        DevelopmentNumbers developmentNumbers();

        /** The person with this ID number if they are in the system (deleted ones too, R-AUTH-5), else null. */
        Existing existing(String idNumber);
    }

    /**
     * The caller's verdict on a target org: the org, or why the caller may not enter people there (not found,
     * R-SCOPE-1); {@code notABranch} is R-MEM-1's refusal for members when the org is no branch.
     */
    public record Target(OrgSnapshot org, EntryViolation refusal, EntryViolation notABranch) {
    }

    /**
     * A person already in the system: their branch (null when none) and their posts as "orgId/title".
     */
    public record Existing(Long branchId, Set<String> posts) {

        boolean holds(BulkKind kind, long orgId, String postTitle) {
            return kind == BulkKind.MEMBER
                    ? branchId != null && branchId == orgId
                    : postTitle != null && posts.contains(postKey(orgId, postTitle.strip()));
        }

        static String postKey(long orgId, String title) {
            return orgId + "/" + title;
        }
    }

    /** The outcome of the rules for one row. */
    public sealed interface Verdict permits Accepted, AlreadyImported, Refused {
    }

    /** Every rule passed: store the person. */
    public record Accepted(IdNumber idNumber, PoliticalStatus status, OrgSnapshot org) implements Verdict {
    }

    /** The person already holds exactly this membership or post (R-IMP-2). */
    public record AlreadyImported(String idNumber) implements Verdict {
    }

    /** Every violation; the ID number when it is valid. */
    public record Refused(String idNumber, List<EntryViolation> violations) implements Verdict {
    }
}
