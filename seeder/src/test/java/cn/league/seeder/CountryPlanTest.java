package cn.league.seeder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated tree: its size per scale, its shape (R-ORG-1), and every org type, domain and school level. */
class CountryPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final Set<String> BODIES = Set.of("COMMITTEE", "WORK_COMMITTEE", "GENERAL_BRANCH");

    private static List<List<OrgRow>> requests(Scale scale, String province) {
        List<List<OrgRow>> requests = new ArrayList<>();
        for (CountryPlan.City city : new CountryPlan(scale, 2026, TODAY).cities(province, 12)) {
            requests.add(city.rows());
            city.counties().forEach(county -> requests.add(county.rows()));
        }
        return requests;
    }

    private static long orgs(List<List<OrgRow>> requests) {
        return requests.stream().mapToLong(List::size).sum();
    }

    private static long people(List<List<OrgRow>> requests) {
        return requests.stream().flatMap(List::stream).mapToLong(row -> row.members() + row.cadres()).sum();
    }

    @Test
    @DisplayName("national ~3.8 million orgs and ~10.4 million people; a province ~122,000 orgs; a town a few thousand people")
    void sizes() {
        List<List<OrgRow>> province = requests(Scale.PROVINCE, "32");
        assertThat(orgs(province)).isBetween(115_000L, 130_000L);
        assertThat(orgs(province) * Scale.NATIONAL.provinceCodes.size()).isBetween(3_500_000L, 3_900_000L);
        assertThat(people(province) * Scale.NATIONAL.provinceCodes.size()).isBetween(9_000_000L, 11_500_000L);
        assertThat(province).allSatisfy(request -> assertThat(request.size()).isLessThanOrEqualTo(5_000));
        assertThat(province).hasSize(11 + 11 * 9);

        List<List<OrgRow>> town = requests(Scale.TOWN, "32");
        assertThat(orgs(town)).isBetween(50L, 150L);
        assertThat(people(town)).isBetween(2_000L, 6_000L);
    }

    @Test
    @DisplayName("R-ORG-1 leading bodies hold leading bodies or 团委/团工委/团总支, those hold those or branches, branches nothing; parents come first")
    void shape() {
        for (List<OrgRow> request : requests(Scale.PROVINCE, "32")) {
            assertThat(request.getFirst().type()).isEqualTo("LEADING_BODY");
            assertThat(request.getFirst().parentRow()).isNull();
            for (int i = 1; i < request.size(); i++) {
                OrgRow row = request.get(i);
                assertThat(row.parentId()).isNull();
                assertThat(row.parentRow()).isLessThan(i);
                String parent = request.get(row.parentRow()).type();
                if (row.type().equals("BRANCH")) {
                    assertThat(parent).isIn(BODIES);
                } else {
                    assertThat(row.type()).isIn(BODIES);
                    assertThat(parent).isIn(Set.of("LEADING_BODY", "COMMITTEE", "WORK_COMMITTEE", "GENERAL_BRANCH"));
                }
                assertThat(row.fullName().length()).isLessThanOrEqualTo(100);
                assertThat(row.shortName().length()).isLessThanOrEqualTo(50);
                if (row.domain().equals("SCHOOL")) {
                    assertThat(row.schoolLevel()).isNotNull();
                } else {
                    assertThat(row.schoolLevel()).isNull();
                }
                if ("FLOATING".equals(row.branchKind())) {
                    assertThat(request.get(row.parentRow()).domain()).isIn("URBAN_COMMUNITY", "RURAL");
                }
                if ("SCHOOL_TO_SOCIETY_TEMPORARY".equals(row.branchKind())) {
                    assertThat(request.get(row.parentRow()).type()).isEqualTo("WORK_COMMITTEE");
                }
            }
        }
    }

    @Test
    @DisplayName("no two children of one parent share a full name (a second run finds each org by it)")
    void namesUniqueUnderAParent() {
        for (List<OrgRow> request : requests(Scale.PROVINCE, "32")) {
            Set<String> seen = new HashSet<>();
            for (OrgRow row : request) {
                assertThat(seen.add(row.parentRow() + "/" + row.fullName())).as(row.fullName()).isTrue();
            }
        }
        List<String> cities = new CountryPlan(Scale.PROVINCE, 2026, TODAY).cities("32", 12).stream()
                .map(CountryPlan.City::name).toList();
        assertThat(new HashSet<>(cities)).hasSameSizeAs(cities);
    }

    @Test
    @DisplayName("every type a person creates, every domain, every school level and both kinds of flagged branch, in a town already")
    void everyKind() {
        for (Scale scale : List.of(Scale.TOWN, Scale.PROVINCE)) {
            List<OrgRow> rows = requests(scale, "32").stream().flatMap(List::stream).toList();
            assertThat(rows).extracting(OrgRow::type).containsAll(
                    List.of("LEADING_BODY", "COMMITTEE", "WORK_COMMITTEE", "GENERAL_BRANCH", "BRANCH"));
            assertThat(rows).extracting(OrgRow::domain).containsAll(List.of("SCHOOL", "PUBLIC_INSTITUTION",
                    "STATE_ENTERPRISE", "PRIVATE_ENTERPRISE", "SOCIAL_ORGANISATION", "URBAN_COMMUNITY", "RURAL",
                    "PARTY_AND_GOVERNMENT", "OTHER"));
            assertThat(rows).extracting(OrgRow::schoolLevel)
                    .containsAll(List.of("UNIVERSITY", "VOCATIONAL", "SENIOR_HIGH", "JUNIOR_HIGH", "PRIMARY"));
            assertThat(rows).extracting(OrgRow::branchKind).contains("FLOATING", "SCHOOL_TO_SOCIETY_TEMPORARY");
            Set<AgeBand> bands = EnumSet.noneOf(AgeBand.class);
            rows.stream().filter(OrgRow::branch).forEach(row -> bands.add(row.band())); // in December
            assertThat(bands).containsExactlyInAnyOrder(AgeBand.values());
        }
    }

    @Test
    @DisplayName("R-GRAD-1 every school class but 小学's, of every university and every county, has its graduation "
            + "year, from this year to the school year's end + 3; in December some of last June's classes are there with "
            + "this year's mark (R-GRAD-3), at every school level and in every county, their members graduates; in May "
            + "the final year's classes carry it, graduates from the conversion date (06-01) on")
    void graduationYears() {
        List<List<OrgRow>> requests = requests(Scale.PROVINCE, "32");
        assertThat(requests).allSatisfy(request -> assertThat(request)
                .filteredOn(row -> Integer.valueOf(2026).equals(row.graduationYear())).isNotEmpty());
        List<OrgRow> december = requests.stream().flatMap(List::stream).toList();
        for (OrgRow row : december) {
            boolean schoolClass = row.branch() && "SCHOOL".equals(row.domain()) && !"PRIMARY".equals(row.schoolLevel());
            if (!schoolClass) {
                assertThat(row.graduationYear()).as(row.fullName()).isNull();
                continue;
            }
            assertThat(row.graduationYear()).as(row.fullName()).isBetween(2026, 2030);
            assertThat(row.band().graduated()).as(row.fullName()).isEqualTo(row.graduationYear() == 2026);
        }
        List<OrgRow> graduated = december.stream().filter(row -> Integer.valueOf(2026).equals(row.graduationYear()))
                .toList();
        assertThat(graduated).extracting(OrgRow::schoolLevel).containsOnly("UNIVERSITY", "VOCATIONAL", "SENIOR_HIGH",
                "JUNIOR_HIGH").contains("UNIVERSITY", "VOCATIONAL", "SENIOR_HIGH", "JUNIOR_HIGH");
        assertThat(graduated).extracting(OrgRow::shortName).contains("2026届高三(1)班团支部",
                "2026届初三(1)班团支部");
        assertThat(december).filteredOn(row -> "高三(1)班团支部".equals(row.shortName()))
                .allSatisfy(row -> assertThat(row.graduationYear()).isEqualTo(2027));
        assertThat(december).filteredOn(row -> row.shortName().matches("..2022级\\d+班团支部")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.graduationYear()).isEqualTo(2026));
        assertThat(december).filteredOn(row -> row.shortName().matches("..2026级\\d+班团支部")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.graduationYear()).isEqualTo(2030));

        List<OrgRow> may = new CountryPlan(Scale.TOWN, 2026, LocalDate.of(2026, 5, 20)).cities("32", 12).stream()
                .flatMap(city -> java.util.stream.Stream.concat(city.rows().stream(),
                        city.counties().stream().flatMap(county -> county.rows().stream()))).toList();
        assertThat(may).noneMatch(row -> row.band() != null && row.band().graduated());
        assertThat(may).filteredOn(row -> Integer.valueOf(2026).equals(row.graduationYear()))
                .extracting(OrgRow::schoolLevel).contains("UNIVERSITY", "VOCATIONAL", "SENIOR_HIGH", "JUNIOR_HIGH");
        assertThat(may).filteredOn(row -> row.graduationYear() != null)
                .allSatisfy(row -> assertThat(row.graduationYear()).isBetween(2026, 2029));

        List<OrgRow> july = new CountryPlan(Scale.TOWN, 2026, LocalDate.of(2026, 7, 1)).cities("32", 12).stream()
                .flatMap(city -> java.util.stream.Stream.concat(city.rows().stream(),
                        city.counties().stream().flatMap(county -> county.rows().stream()))).toList();
        assertThat(july).filteredOn(row -> row.graduationYear() != null).isNotEmpty().allSatisfy(row ->
                assertThat(row.band().graduated()).as(row.fullName()).isEqualTo(row.graduationYear() == 2026));
        assertThat(july).noneMatch(row -> row.shortName().contains("届"));
    }

    @Test
    @DisplayName("deterministic: the same seed the same tree; 江苏 of the national scale is the province scale's; the town's is its own")
    void deterministic() {
        assertThat(requests(Scale.PROVINCE, "32")).isEqualTo(requests(Scale.PROVINCE, "32"));
        assertThat(requests(Scale.NATIONAL, "32")).isEqualTo(requests(Scale.PROVINCE, "32"));
        assertThat(new CountryPlan(Scale.PROVINCE, 7, TODAY).cities("32", 12).getFirst().rows())
                .isNotEqualTo(requests(Scale.PROVINCE, "32").getFirst());
        Set<String> provinceCities = new HashSet<>();
        new CountryPlan(Scale.PROVINCE, 2026, TODAY).cities("32", 12).forEach(city -> provinceCities.add(city.name()));
        assertThat(provinceCities).doesNotContain(new CountryPlan(Scale.TOWN, 2026, TODAY).cities("32", 12)
                .getFirst().name());
    }

    @Test
    @DisplayName("scales by name; an unknown one is refused; without the stack's captcha answer the seeder does not start")
    void scales() {
        assertThat(Scale.of("national")).isEqualTo(Scale.NATIONAL);
        assertThatThrownBy(() -> Scale.of("county")).hasMessageContaining("town, province or national");
        assertThatThrownBy(() -> Seeder.Options.parse(new String[] {"town", "--bogus", "1"}))
                .hasMessageContaining("unknown options");
        Seeder.Options options = Seeder.Options.parse(new String[] {"town", "--seed", "7", "--parallel", "3",
                "--captcha-answer", "SEED"});
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.parallel()).isEqualTo(3);
        assertThat(options.captchaAnswer()).isEqualTo("SEED");
        assertThatThrownBy(() -> Seeder.Options.parse(new String[] {"town", "--captcha-answer", " "}))
                .hasMessageContaining("LEAGUE_ACCOUNTS_CAPTCHA_TEST_ANSWER");
    }
}
