package cn.league.seeder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each request's seeding login administers: every school that marks, every out-side, a bounded number. */
class UnitAdminsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static List<List<OrgRow>> requests(Scale scale) {
        List<List<OrgRow>> requests = new ArrayList<>();
        for (CountryPlan.City city : new CountryPlan(scale, 2026, TODAY).cities("32", 12)) {
            requests.add(city.rows());
            city.counties().forEach(county -> requests.add(county.rows()));
        }
        return requests;
    }

    /** The direct parents of up to 10 branches of young people and of 2 graduates' branches a band, as the seeder picks. */
    private static Set<Integer> outSides(List<OrgRow> rows) {
        Set<Integer> outSides = new HashSet<>();
        int young = 0;
        Map<AgeBand, Integer> graduates = new EnumMap<>(AgeBand.class);
        for (int i = 0; i < rows.size(); i++) {
            OrgRow row = rows.get(i);
            if (!row.branch() || row.members() == 0) {
                continue;
            }
            if (row.band() == AgeBand.YOUTH && young < 10) {
                young++;
                outSides.add(row.parentRow());
            } else if (row.band().graduated() && graduates.getOrDefault(row.band(), 0) < 2) {
                graduates.merge(row.band(), 1, Integer::sum);
                outSides.add(row.parentRow());
            }
        }
        return outSides;
    }

    @Test
    @DisplayName("R-GRAD-1, R-TR-3, R-ADM-3 a request's login administers its 团委, the topmost school body above each "
            + "class it marks, each out-side and every org between them and its 团委, parents first")
    void schoolsAndOutSides() {
        for (List<OrgRow> rows : requests(Scale.PROVINCE)) {
            Set<Integer> outSides = outSides(rows);
            List<Integer> administered = UnitAdmins.rows(rows, outSides);

            assertThat(administered.getFirst()).isZero();
            assertThat(administered).isSorted().doesNotHaveDuplicates().containsAll(outSides);
            for (int row : administered.subList(1, administered.size())) {
                assertThat(rows.get(row).branch()).as(rows.get(row).fullName()).isFalse();
                assertThat(administered).as("R-ADM-3 the code comes from the parent's admin: " + rows.get(row).fullName())
                        .contains(rows.get(row).parentRow());
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).graduationYear() == null) {
                    continue;
                }
                int school = UnitAdmins.school(rows, i);
                assertThat(administered).as(rows.get(i).fullName()).contains(school);
                assertThat(rows.get(school).domain()).isEqualTo("SCHOOL");
                assertThat(rows.get(rows.get(school).parentRow()).domain()).isNotEqualTo("SCHOOL");
            }
        }
    }

    @Test
    @DisplayName("no login holds more than a bounded number of posts: a county's ~10 schools, its 团委 and a few "
            + "out-sides; a city's universities; the same per request whatever the scale")
    void bounded() {
        List<List<OrgRow>> province = requests(Scale.PROVINCE);
        int most = province.stream().mapToInt(rows -> UnitAdmins.rows(rows, outSides(rows)).size()).max().orElseThrow();
        assertThat(most).isBetween(11, 20);
        List<List<OrgRow>> national = requests(Scale.NATIONAL);
        for (int r = 0; r < province.size(); r++) {
            assertThat(UnitAdmins.rows(national.get(r), outSides(national.get(r))))
                    .isEqualTo(UnitAdmins.rows(province.get(r), outSides(province.get(r))));
        }

        List<List<OrgRow>> town = requests(Scale.TOWN);
        assertThat(UnitAdmins.rows(town.get(0), Set.of())).extracting(row -> town.get(0).get(row).shortName())
                .as("the city: its 团市委 and its university").hasSize(2).last().asString().endsWith("大学团委");
        assertThat(UnitAdmins.rows(town.get(1), Set.of())).extracting(row -> town.get(1).get(row).schoolLevel())
                .as("the county: its 团县委 and its 高中, 初中 and 中专, not its 小学")
                .containsExactly(null, "SENIOR_HIGH", "JUNIOR_HIGH", "VOCATIONAL");
    }
}
