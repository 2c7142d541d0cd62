package cn.league.seeder;

/** Who a branch holds: the age range of its members today and their education. */
enum AgeBand {
    JUNIOR_HIGH(14, 15, "初中"),
    SENIOR_HIGH(15, 17, "高中"),
    VOCATIONAL(15, 18, "中专"),
    UNIVERSITY(18, 22, "本科"),
    /** young people at work or at home: communities, villages, enterprises, institutions, teachers */
    YOUTH(18, 27, null),
    /** graduates without a job yet (流动团支部) and newcomers of a park (学社衔接临时团支部) */
    GRADUATES(21, 25, null);

    final int youngest;
    final int oldest;
    final String education;

    AgeBand(int youngest, int oldest, String education) {
        this.youngest = youngest;
        this.oldest = oldest;
        this.education = education;
    }
}
