package cn.league.contracts.org;

/** Flags a BRANCH may carry. */
public enum BranchKind {
    /** 学社衔接临时团支部: an enterprise park's branch that receives graduates (R-GRAD-5). */
    SCHOOL_TO_SOCIETY_TEMPORARY,
    /** 流动团支部: a township's or street's branch for graduates without a job (R-TR-11). */
    FLOATING
}
