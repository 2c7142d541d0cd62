package cn.league.contracts.org;

/** The level of a school-domain org: 高校, 中职, 高中, 初中, 小学. */
public enum SchoolLevel {
    UNIVERSITY,
    VOCATIONAL,
    SENIOR_HIGH,
    JUNIOR_HIGH,
    PRIMARY
}
