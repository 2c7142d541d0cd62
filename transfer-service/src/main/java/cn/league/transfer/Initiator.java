package cn.league.transfer;

/**
 * Who started a transfer (R-TR-1): the member, an admin of the out-side (办理转出) or of the in-side (办理转入), or
 * a committee's admin moving people between its own branches (批量转接, R-TR-4).
 */
public enum Initiator { MEMBER, OUT_SIDE_ADMIN, IN_SIDE_ADMIN, COMMITTEE_ADMIN }
