package cn.league.seeder;

/** Who a branch holds: the age range of its members today and their education. */
public enum AgeBand {
    JUNIOR_HIGH(14, 15, "初中"),
    SENIOR_HIGH(15, 17, "高中"),
    VOCATIONAL(15, 18, "中专"),
    UNIVERSITY(18, 22, "本科"),
    /** young people at work or at home: communities, villages, enterprises, institutions, teachers */
    YOUTH(18, 27, null),
    /** graduates without a job yet (流动团支部) and newcomers of a park (学社衔接临时团支部) */
    GRADUATES(21, 25, null),
    /** this year's graduates still in their class's 毕业生团组织 (R-GRAD-3), by the school they left */
    GRADUATED_JUNIOR_HIGH(15, 16, "初中"),
    GRADUATED_SENIOR_HIGH(17, 19, "高中"),
    GRADUATED_VOCATIONAL(18, 20, "中专"),
    GRADUATED_UNIVERSITY(21, 23, "本科");

    final int youngest;
    final int oldest;
    final String education;

    boolean graduated() {
        return name().startsWith("GRADUATED_");
    }

    /** The band of a school's class once it graduated: its members are graduates (R-GRAD-3). */
    AgeBand graduatedOf() {
        return switch (this) {
            case JUNIOR_HIGH -> GRADUATED_JUNIOR_HIGH;
            case SENIOR_HIGH -> GRADUATED_SENIOR_HIGH;
            case VOCATIONAL -> GRADUATED_VOCATIONAL;
            case UNIVERSITY -> GRADUATED_UNIVERSITY;
            default -> throw new IllegalArgumentException(this + " is no school class");
        };
    }

    AgeBand(int youngest, int oldest, String education) {
        this.youngest = youngest;
        this.oldest = oldest;
        this.education = education;
    }
}
