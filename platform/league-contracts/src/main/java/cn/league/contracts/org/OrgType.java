package cn.league.contracts.org;

/** 组织类别: what kind of node an org is in the league's tree (R-ORG-1). */
public enum OrgType {
    /** 团的领导机关: 团中央, 团省委, 团市委, 团县(区)委 and the national system committees. */
    LEADING_BODY,
    /** 团委. */
    COMMITTEE,
    /** 团工委. */
    WORK_COMMITTEE,
    /** 团总支. */
    GENERAL_BRANCH,
    /** 团支部: the only place a membership can be; a leaf. */
    BRANCH,
    /** 待接转团支部: made by the system to hold the people of a deleted branch (R-ORG-2). */
    PENDING_BRANCH,
    /** 毕业生团组织: a school branch whose graduation year came (R-GRAD-3). */
    GRADUATE_BRANCH;

    /** Branch-like orgs hold people and no orgs. */
    public boolean isBranch() {
        return this == BRANCH || this == PENDING_BRANCH || this == GRADUATE_BRANCH;
    }

    /** 团委 / 团工委 / 团总支. */
    public boolean isGrassrootsBody() {
        return this == COMMITTEE || this == WORK_COMMITTEE || this == GENERAL_BRANCH;
    }
}
