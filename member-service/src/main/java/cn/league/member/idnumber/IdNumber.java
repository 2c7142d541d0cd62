package cn.league.member.idnumber;

import java.time.LocalDate;

/**
 * An 18-character PRC resident ID number (公民身份号码, GB 11643) that passed R-ID-4, upper-case,
 * with what it states: region, birth date and gender. Only {@link IdNumberRule} makes one.
 */
public final class IdNumber implements IdNumberCheck {

    private final String value;
    private final int regionCode;
    private final LocalDate birthDate;
    private final Gender gender;

    IdNumber(String value, int regionCode, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.regionCode = regionCode;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /** The 18 characters, a final x as X. */
    public String value() {
        return value;
    }

    /** Digits 1–6: the GB/T 2260 code of the place of first issue, e.g. 110105. */
    public int regionCode() {
        return regionCode;
    }

    /** Digits 1–2, e.g. 65 for Xinjiang (R-MEM-4) and the development number's segment (R-MEM-5). */
    public int provinceCode() {
        return regionCode / 10_000;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so an ID that ends up in a log line or exception message does not leak. */
    @Override
    public String toString() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }
}
