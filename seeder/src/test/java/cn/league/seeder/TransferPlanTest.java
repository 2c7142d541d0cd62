package cn.league.seeder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the open transfers go: spread over the tree, between provinces, graduates to their destinations (R-TR-11). */
class TransferPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    /** The requests of a town in each province, as created: org ids are 1,000 × the request's index + the row's. */
    private record Tree(List<List<OrgRow>> requests, List<TransferPlan.Receivers> receivers) {

        static Tree of(String... provinces) {
            List<List<OrgRow>> requests = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (String province : provinces) {
                for (CountryPlan.City city : new CountryPlan(Scale.TOWN, 2026, TODAY).cities(province, 12)) {
                    requests.add(city.rows());
                    codes.add(province);
                    city.counties().forEach(county -> {
                        requests.add(county.rows());
                        codes.add(province);
                    });
                }
            }
            List<TransferPlan.Receivers> receivers = new ArrayList<>();
            for (int u = 0; u < requests.size(); u++) {
                receivers.add(TransferPlan.Receivers.of(codes.get(u), requests.get(u), ids(u, requests.get(u).size())));
            }
            return new Tree(requests, receivers);
        }

        private static long[] ids(int unit, int rows) {
            long[] ids = new long[rows];
            for (int i = 0; i < rows; i++) {
                ids[i] = 1_000L * unit + i;
            }
            return ids;
        }

        /** The first member of up to {@code perUnit} branches of each request and band of {@code bands}. */
        List<TransferPlan.Mover> movers(int perUnit, Set<AgeBand> bands) {
            List<TransferPlan.Mover> movers = new ArrayList<>();
            for (int u = 0; u < requests.size(); u++) {
                List<OrgRow> rows = requests.get(u);
                Map<AgeBand, Integer> picked = new java.util.EnumMap<>(AgeBand.class);
                for (int i = 0; i < rows.size(); i++) {
                    OrgRow row = rows.get(i);
                    if (row.branch() && row.branchKind() == null && bands.contains(row.band())
                            && picked.merge(row.band(), 1, Integer::sum) <= perUnit) {
                        Person person = new Person("ID" + u + "-" + i, "某人", "汉族", "共青团员", "本科", TODAY, null,
                                null, null);
                        movers.add(new TransferPlan.Mover(person, 1_000L * u + i, 1_000L * u + row.parentRow(), u,
                                row.band()));
                    }
                }
            }
            return movers;
        }

        Set<Long> all(java.util.function.Function<TransferPlan.Receivers, List<Long>> kind) {
            return receivers.stream().flatMap(at -> kind.apply(at).stream()).collect(Collectors.toSet());
        }
    }

    private static int unitOf(long orgId) {
        return (int) (orgId / 1_000);
    }

    @Test
    @DisplayName("a few receiving orgs of each kind per request: branches and bodies outside schools, 流动团支部, "
            + "学社衔接临时团支部 with the 团工委 above them, first-year university and 高一 classes")
    void receivers() {
        Tree town = Tree.of("32");
        List<OrgRow> county = town.requests().get(1);
        TransferPlan.Receivers city = town.receivers().get(0);
        TransferPlan.Receivers countyReceivers = town.receivers().get(1);
        assertThat(city.universityClasses()).isNotEmpty().allSatisfy(id ->
                assertThat(town.requests().get(0).get((int) (id % 1_000)).graduationYear()).isEqualTo(2030));
        assertThat(countyReceivers.seniorClasses()).isNotEmpty().allSatisfy(id ->
                assertThat(county.get((int) (id % 1_000)).shortName()).startsWith("高一"));
        assertThat(countyReceivers.floating()).isNotEmpty().allSatisfy(id ->
                assertThat(county.get((int) (id % 1_000)).branchKind()).isEqualTo("FLOATING"));
        assertThat(countyReceivers.temporary()).isNotEmpty().allSatisfy(temporary -> {
            OrgRow branch = county.get((int) (temporary.branchId() % 1_000));
            assertThat(branch.branchKind()).isEqualTo("SCHOOL_TO_SOCIETY_TEMPORARY");
            assertThat(temporary.locationId()).isEqualTo(1_000L + branch.parentRow());
        });
        for (TransferPlan.Receivers at : town.receivers()) {
            assertThat(at.branches()).isNotEmpty().hasSizeLessThanOrEqualTo(TransferPlan.KEPT);
            assertThat(at.bodies()).isNotEmpty().hasSizeLessThanOrEqualTo(TransferPlan.KEPT);
        }
        assertThat(town.all(TransferPlan.Receivers::branches)).allSatisfy(id -> {
            OrgRow branch = town.requests().get(unitOf(id)).get((int) (id % 1_000));
            assertThat(branch.branchKind()).isNull();
            assertThat(branch.domain()).isNotEqualTo("SCHOOL");
        });
    }

    @Test
    @DisplayName("R-TR-3 members who are not graduates go to many receiving orgs, branches and bodies, never of their own "
            + "request, every third in another province where there is one; no destination type")
    void membersSpread() {
        Tree tree = Tree.of("32", "33", "34");
        List<TransferPlan.Mover> movers = tree.movers(6, Set.of(AgeBand.YOUTH));
        List<TransferPlan.Planned> planned = TransferPlan.plan(movers, tree.receivers());

        assertThat(planned).hasSameSizeAs(movers);
        assertThat(planned).allSatisfy(transfer -> {
            assertThat(unitOf(transfer.toOrgId())).isNotEqualTo(transfer.mover().unit());
            assertThat(transfer.destinationType()).isNull();
            assertThat(union(tree.all(TransferPlan.Receivers::branches), tree.all(TransferPlan.Receivers::bodies)))
                    .contains(transfer.toOrgId());
        });
        assertThat(planned.stream().map(TransferPlan.Planned::toOrgId).distinct().count())
                .as("distinct receiving orgs").isGreaterThanOrEqualTo(planned.size() / 2);
        assertThat(planned.stream().map(transfer -> unitOf(transfer.toOrgId())).distinct().count())
                .as("receiving requests").isEqualTo(tree.receivers().size());
        long betweenProvinces = planned.stream().filter(transfer -> !province(tree, unitOf(transfer.toOrgId()))
                .equals(province(tree, transfer.mover().unit()))).count();
        assertThat(betweenProvinces).isBetween(planned.size() / 4L, planned.size() / 2L);
        assertThat(planned).anyMatch(transfer -> tree.all(TransferPlan.Receivers::bodies).contains(transfer.toOrgId()));

        Tree oneProvince = Tree.of("32");
        assertThat(TransferPlan.plan(oneProvince.movers(6, Set.of(AgeBand.YOUTH)), oneProvince.receivers()))
                .allSatisfy(transfer -> assertThat(province(oneProvince, unitOf(transfer.toOrgId()))).isEqualTo("32"));
    }

    @Test
    @DisplayName("R-TR-11 this year's graduates name their destination: a university's a job in a park's or street's "
            + "学社衔接临时团支部 (its 团工委 the employer's location), an employer's branch, or 未就业 a 流动团支部; a 中专's a job "
            + "or 未就业; a 高中's further study in a university's first-year class, an 初中's in a 高一 class")
    void graduatesToTheirDestinations() {
        Tree tree = Tree.of("32");
        Set<AgeBand> graduated = Set.of(AgeBand.GRADUATED_UNIVERSITY, AgeBand.GRADUATED_VOCATIONAL,
                AgeBand.GRADUATED_SENIOR_HIGH, AgeBand.GRADUATED_JUNIOR_HIGH);
        List<TransferPlan.Mover> movers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            movers.addAll(tree.movers(1, graduated)); // the same classes' first members: enough for the plan's turns
        }
        List<TransferPlan.Planned> planned = TransferPlan.plan(movers, tree.receivers());
        assertThat(planned).hasSameSizeAs(movers);

        Set<Long> temporary = tree.receivers().stream().flatMap(at -> at.temporary().stream())
                .map(TransferPlan.Temporary::branchId).collect(Collectors.toSet());
        Map<AgeBand, Set<String>> destinations = planned.stream().collect(Collectors.groupingBy(
                transfer -> transfer.mover().band(),
                Collectors.mapping(TransferPlan.Planned::destinationType, Collectors.toSet())));
        for (TransferPlan.Planned transfer : planned) {
            long to = transfer.toOrgId();
            switch (transfer.destinationType()) {
                case "NO_JOB" -> assertThat(tree.all(TransferPlan.Receivers::floating)).contains(to);
                case "JOB" -> {
                    if (temporary.contains(to)) {
                        OrgRow branch = tree.requests().get(unitOf(to)).get((int) (to % 1_000));
                        assertThat(transfer.employerLocationOrgId()).isEqualTo(1_000L * unitOf(to) + branch.parentRow());
                    } else {
                        assertThat(tree.all(TransferPlan.Receivers::branches)).contains(to);
                        assertThat(transfer.employerLocationOrgId()).isNull();
                    }
                }
                case "FURTHER_STUDY" -> assertThat(transfer.mover().band() == AgeBand.GRADUATED_SENIOR_HIGH
                        ? tree.all(TransferPlan.Receivers::universityClasses)
                        : tree.all(TransferPlan.Receivers::seniorClasses)).contains(to);
                default -> throw new AssertionError(transfer.destinationType());
            }
        }
        assertThat(destinations.get(AgeBand.GRADUATED_UNIVERSITY)).containsExactlyInAnyOrder("JOB", "NO_JOB");
        assertThat(planned).filteredOn(transfer -> transfer.mover().band() == AgeBand.GRADUATED_UNIVERSITY)
                .anyMatch(transfer -> temporary.contains(transfer.toOrgId()))
                .anyMatch(transfer -> tree.all(TransferPlan.Receivers::branches).contains(transfer.toOrgId()));
        assertThat(destinations.get(AgeBand.GRADUATED_VOCATIONAL)).containsExactlyInAnyOrder("JOB", "NO_JOB");
        assertThat(destinations.get(AgeBand.GRADUATED_SENIOR_HIGH)).containsExactly("FURTHER_STUDY");
        assertThat(destinations.get(AgeBand.GRADUATED_JUNIOR_HIGH)).containsExactly("FURTHER_STUDY");
    }

    @Test
    @DisplayName("deterministic: the same movers and receivers give the same transfers")
    void deterministic() {
        Tree tree = Tree.of("32", "33");
        List<TransferPlan.Mover> movers = tree.movers(4, Set.of(AgeBand.YOUTH, AgeBand.GRADUATED_UNIVERSITY));
        assertThat(TransferPlan.plan(movers, tree.receivers())).isEqualTo(TransferPlan.plan(movers,
                Tree.of("32", "33").receivers()));
    }

    private static String province(Tree tree, int unit) {
        return tree.receivers().get(unit).provinceCode();
    }

    private static Set<Long> union(Set<Long> first, Set<Long> second) {
        Set<Long> both = new HashSet<>(first);
        both.addAll(second);
        return both;
    }
}
