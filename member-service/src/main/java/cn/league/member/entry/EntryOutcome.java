package cn.league.member.entry;

import java.util.List;
import java.util.Optional;

import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberFault;

/**
 * What {@link EntryCheck} found for one row: every violation in a stable order (R-ID-4, R-MEM-3,
 * R-MEM-4, R-MEM-5) and the parsed ID number when it is valid — even if other rules refuse the row.
 */
public final class EntryOutcome {

    private final IdNumber idNumber;
    private final IdNumberFault idNumberFault;
    private final List<EntryViolation> violations;

    EntryOutcome(IdNumber idNumber, IdNumberFault idNumberFault, List<EntryViolation> violations) {
        this.idNumber = idNumber;
        this.idNumberFault = idNumberFault;
        this.violations = violations;
    }

    /** No rule is broken. */
    public boolean accepted() {
        return violations.isEmpty();
    }

    /** Unmodifiable, empty when accepted. */
    public List<EntryViolation> violations() {
        return violations;
    }

    public Optional<IdNumber> idNumber() {
        return Optional.ofNullable(idNumber);
    }

    /**
     * For single-entry endpoints: the parsed ID when accepted, otherwise the first violation as a
     * 422 problem. An invalid ID answers as {@link cn.league.member.idnumber.IdNumberRule#require} does.
     */
    public IdNumber orThrow() {
        if (idNumberFault != null) {
            throw idNumberFault.toProblem();
        }
        if (!violations.isEmpty()) {
            throw violations.getFirst().toProblem();
        }
        return idNumber;
    }

    @Override
    public String toString() {
        return "EntryOutcome[idNumber=" + idNumber + ", violations=" + violations + "]";
    }
}
