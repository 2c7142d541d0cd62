package cn.league.member.entry;

import java.util.Map;

/**
 * Who already holds a development number, as the caller can best tell: single entry asks the
 * database, the bulk path passes what it prefetched for the whole batch (R-MEM-5 编号被占用).
 */
@FunctionalInterface
public interface DevelopmentNumbers {

    /** Nobody holds any number: for tests and for checks that leave uniqueness to later. */
    DevelopmentNumbers NONE_TAKEN = (number, idNumber) -> false;

    /**
     * Whether someone other than the person with this ID holds the number. {@code idNumber} is the
     * normalised 18 characters, or null when the row's ID is invalid (then any holder is another).
     */
    boolean isTakenByOther(String number, String idNumber);

    /** A prefetched map from development number to the ID number of the person holding it. */
    static DevelopmentNumbers heldBy(Map<String, String> idNumberByDevelopmentNumber) {
        return (number, idNumber) -> {
            String holder = idNumberByDevelopmentNumber.get(number);
            return holder != null && !holder.equals(idNumber);
        };
    }
}
