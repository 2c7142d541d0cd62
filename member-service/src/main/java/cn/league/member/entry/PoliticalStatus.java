package cn.league.member.entry;

/** 政治面貌 as a person's record states it. */
public enum PoliticalStatus {

    PARTY_MEMBER("中共党员"),
    PROBATIONARY_PARTY_MEMBER("中共预备党员"),
    LEAGUE_MEMBER("共青团员"),
    DEMOCRATIC_PARTY_MEMBER("民主党派成员"),
    NON_PARTY("无党派人士"),
    MASSES("群众");

    private final String label;

    PoliticalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status with this label (中共党员, 共青团员, …), or empty for an unknown one. */
    public static java.util.Optional<PoliticalStatus> ofLabel(String label) {
        for (PoliticalStatus status : values()) {
            if (status.label.equals(label == null ? null : label.strip())) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }

    /** 中共党员 or 中共预备党员: keeps league membership while under 28 (R-MEM-9). */
    public boolean isPartyMember() {
        return this == PARTY_MEMBER || this == PROBATIONARY_PARTY_MEMBER;
    }
}
