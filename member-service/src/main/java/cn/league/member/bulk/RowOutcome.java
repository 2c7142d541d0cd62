package cn.league.member.bulk;

import java.util.List;

import cn.league.member.entry.EntryViolation;

/**
 * What became of one bulk row (R-IMP-2).
 *
 * @param rowNumber  the row's number in the file
 * @param status     imported now, refused, or already imported by an earlier upload
 * @param idNumber   the normalised ID number when the row's ID is valid, else the ID as the row sent it (null only
 *                   when the row sent none), so a failure list can show which ID was refused
 * @param violations every reason a refused row was refused; empty otherwise
 */
public record RowOutcome(int rowNumber, Status status, String idNumber, List<EntryViolation> violations) {

    public enum Status { IMPORTED, REFUSED, ALREADY_IMPORTED }

    static RowOutcome imported(int rowNumber, String idNumber) {
        return new RowOutcome(rowNumber, Status.IMPORTED, idNumber, List.of());
    }

    static RowOutcome alreadyImported(int rowNumber, String idNumber) {
        return new RowOutcome(rowNumber, Status.ALREADY_IMPORTED, idNumber, List.of());
    }

    static RowOutcome refused(int rowNumber, String idNumber, List<EntryViolation> violations) {
        return new RowOutcome(rowNumber, Status.REFUSED, idNumber, List.copyOf(violations));
    }
}
