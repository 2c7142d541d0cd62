package cn.league.member.idnumber;

/** Gender as the ID number states it: digit 17 odd is male, even is female (GB 11643). */
public enum Gender {
    MALE,
    FEMALE
}
