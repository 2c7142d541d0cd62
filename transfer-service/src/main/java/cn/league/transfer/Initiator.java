package cn.league.transfer;

/** Who started a transfer (R-TR-1): the member, an admin of the out-side (办理转出) or of the in-side (办理转入). */
public enum Initiator { MEMBER, OUT_SIDE_ADMIN, IN_SIDE_ADMIN }
