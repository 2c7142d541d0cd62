package cn.league.seeder;

import java.util.List;
import java.util.Locale;

/**
 * How much country to build. {@code national}: the 31 provinces (not 兵团 or the national system committees), ~3.7
 * million orgs, ~10 million people; {@code province}: 江苏 alone, the same shape (~120,000 orgs, ~330,000 people);
 * {@code town}: one city with one county in 江苏, a few of each kind of org and a few thousand people, for tests.
 *
 * @param provinceCodes      the provinces built (GB/T 2260 codes of the seeded provincial-level orgs)
 * @param peopleFactor       members per branch relative to a full branch (a class of ~30): the real country has
 *                           ~20 members a branch, the national scale ~3 (10 of the real 74 million)
 * @param branchCadreShare   the share of branches with a 书记 entered
 * @param transfers          open transfers of members who are not graduates ({@link TransferPlan})
 * @param graduateTransfers  open transfers of this year's graduates, each naming a destination (R-TR-11)
 * @param registrations      pending self-registrations
 */
enum Scale {
    TOWN(List.of("32"), 1, 1, Shape.SMALL, 2.5, 1.0, 10, 8, 5),
    PROVINCE(List.of("32"), 11, 9, Shape.REAL, 0.135, 0.2, 500, 300, 100),
    NATIONAL(List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
            "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"), 11, 9,
            Shape.REAL, 0.135, 0.2, 10_000, 6_000, 1_000);

    final List<String> provinceCodes;
    final int cities;
    final int countiesPerCity;
    final Shape shape;
    final double peopleFactor;
    final double branchCadreShare;
    final int transfers;
    final int graduateTransfers;
    final int registrations;

    Scale(List<String> provinceCodes, int cities, int countiesPerCity, Shape shape, double peopleFactor,
          double branchCadreShare, int transfers, int graduateTransfers, int registrations) {
        this.provinceCodes = provinceCodes;
        this.cities = cities;
        this.countiesPerCity = countiesPerCity;
        this.shape = shape;
        this.peopleFactor = peopleFactor;
        this.branchCadreShare = branchCadreShare;
        this.transfers = transfers;
        this.graduateTransfers = graduateTransfers;
        this.registrations = registrations;
    }

    static Scale of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown scale '" + name + "': town, province or national");
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
