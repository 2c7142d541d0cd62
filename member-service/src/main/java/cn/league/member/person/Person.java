package cn.league.member.person;

import java.time.LocalDate;

import cn.league.member.idnumber.Gender;

/** A person as member-service keeps them (团员 or 团干部); the ID number is their key (R-AUTH-5). */
public record Person(String idNumber, String name, LocalDate birthDate, Gender gender, String ethnicity,
                     String politicalStatus, String education, LocalDate joinDate, String developmentNumber,
                     String mobile, String email, String address, String emergencyContact, String emergencyPhone,
                     boolean graduate, boolean delayedGraduate, boolean teacher, Verification verification) {

    /** R-ID-1: where the citizen identity centre's check stands; {@link #label} is what admins read. */
    public enum Verification {

        UNVERIFIED("未校验"), PASSED("校验通过"), FAILED("校验不通过");

        private final String label;

        Verification(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
