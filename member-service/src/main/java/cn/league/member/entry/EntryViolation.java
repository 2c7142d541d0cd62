package cn.league.member.entry;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import cn.league.member.idnumber.IdNumberFault;
import cn.league.support.problem.ProblemException;

/**
 * One broken entry rule: a stable {@code code} for the bulk path's row outcomes, the DOMAIN.md
 * {@code rule} it breaks and the Chinese {@code message} users see. Every violation is a constant of
 * its rule's class, so refusing a row allocates no message.
 */
public record EntryViolation(String code, String rule, String message) {

    private static final Map<IdNumberFault, EntryViolation> ID_NUMBER_FAULTS = new EnumMap<>(IdNumberFault.class);

    static {
        for (IdNumberFault fault : IdNumberFault.values()) {
            ID_NUMBER_FAULTS.put(fault, new EntryViolation(fault.code(), IdNumberFault.RULE, fault.message()));
        }
    }

    /** An R-ID-4 fault as a violation, with the fault's own code (ID_NUMBER_LENGTH, …). */
    public static EntryViolation of(IdNumberFault fault) {
        return ID_NUMBER_FAULTS.get(fault);
    }

    /** For single-entry endpoints: 422 with this code, rule and message. */
    public ProblemException toProblem() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, rule, message);
    }
}
