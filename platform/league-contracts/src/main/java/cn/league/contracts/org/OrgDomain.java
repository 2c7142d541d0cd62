package cn.league.contracts.org;

/** 单位所属行业类别 / 领域. Schools carry a {@link SchoolLevel} as well. */
public enum OrgDomain {
    /** 学校. */
    SCHOOL,
    /** 机关事业单位. */
    PUBLIC_INSTITUTION,
    /** 国有企业. */
    STATE_ENTERPRISE,
    /** 非公企业. */
    PRIVATE_ENTERPRISE,
    /** 新社会组织. */
    SOCIAL_ORGANISATION,
    /** 城市社区. */
    URBAN_COMMUNITY,
    /** 农村. */
    RURAL,
    /** 党政机关 (the leading bodies). */
    PARTY_AND_GOVERNMENT,
    /** 其他. */
    OTHER
}
