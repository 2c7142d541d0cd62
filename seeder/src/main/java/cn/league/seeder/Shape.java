package cn.league.seeder;

/**
 * The fan-out of the generated tree: how many of each kind of org a county and a city hold, and how many classes
 * or branches each of those holds.
 */
record Shape(int streets, int streetBranches, int seniorHighs, int seniorClasses, int juniorHighs, int juniorClasses,
             int vocationals, int vocationalClasses, int primaries, int privateEnterprises, int enterpriseBranches,
             int parkBranches, int stateEnterprises, int stateBranches, int institutions, int institutionBranches,
             int socialOrgs, int socialBranches, int organBranches, int universities, int colleges,
             int classesPerGrade, int cityEnterprises, int cityEnterpriseBranches) {

    /** About the real average: ~1,080 orgs a county (with its share of its city's), ~120,000 a province. */
    static final Shape REAL = new Shape(14, 30, 3, 36, 5, 24, 2, 30, 10, 15, 8, 20, 4, 10, 8, 5, 5, 2, 40, 3, 10, 10,
            2, 15);
    /** A town's worth: one of each kind, a few branches each (~75 orgs with its city). */
    static final Shape SMALL = new Shape(2, 4, 1, 6, 1, 4, 1, 4, 1, 2, 3, 3, 1, 3, 1, 2, 1, 1, 3, 1, 2, 1, 1, 3);
}
