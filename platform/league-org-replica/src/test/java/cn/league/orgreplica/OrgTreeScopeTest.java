package cn.league.orgreplica;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.support.security.ActiveOrg;

import static cn.league.orgreplica.TestOrgs.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** R-SCOPE-1 and R-SCOPE-2 answered from the replica, fed through the real topic. */
@SpringBootTest
class OrgTreeScopeTest {

    static final String PROVINCE_ADMIN = "210102198001010011";
    static final String CITY_ADMIN = "210102198501010022";
    static final String SIBLING_CITY_ADMIN = "210102198601010033";
    static final String COUNTY_ADMIN = "21010219900101004X";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgTree tree;

    final OrgSnapshot root = TestOrgs.root(1);
    final OrgSnapshot province = TestOrgs.province(21, root, "21");
    final OrgSnapshot city = TestOrgs.leadingBody(2101, province, "共青团沈阳市委");
    final OrgSnapshot siblingCity = TestOrgs.leadingBody(2102, province, "共青团大连市委");
    final OrgSnapshot county = TestOrgs.leadingBody(210101, city, "共青团和平区委");
    final OrgSnapshot branch = TestOrgs.schoolBranch(21010101, county, "某中学团支部", 2027);

    @BeforeEach
    void treeWithAdmins() {
        OrgEventsFeed feed = new OrgEventsFeed(kafka, jdbc);
        for (OrgSnapshot org : List.of(root, province, city, siblingCity, county, branch)) {
            feed.apply(keyOf(org), new OrgCreated(org));
        }
        feed.apply(keyOf(province), new AdminGranted(province.id(), PROVINCE_ADMIN));
        feed.apply(keyOf(city), new AdminGranted(city.id(), CITY_ADMIN));
        feed.apply(keyOf(siblingCity), new AdminGranted(siblingCity.id(), SIBLING_CITY_ADMIN));
        feed.apply(keyOf(county), new AdminGranted(county.id(), COUNTY_ADMIN.toLowerCase()));
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin of a province acts on the province and every org below it")
    void provinceAdmin() {
        for (OrgSnapshot org : List.of(province, city, siblingCity, county, branch)) {
            assertThat(tree.mayActOn(PROVINCE_ADMIN, org.id())).as(org.fullName()).isTrue();
        }
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin never acts above their org")
    void neverAbove() {
        assertThat(tree.mayActOn(PROVINCE_ADMIN, root.id())).isFalse();
        assertThat(tree.mayActOn(CITY_ADMIN, province.id())).isFalse();
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin of a city acts on the city and below it")
    void cityAdmin() {
        assertThat(tree.mayActOn(CITY_ADMIN, city.id())).isTrue();
        assertThat(tree.mayActOn(CITY_ADMIN, county.id())).isTrue();
        assertThat(tree.mayActOn(CITY_ADMIN, branch.id())).isTrue();
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin of a sibling subtree is refused")
    void siblingRefused() {
        assertThat(tree.mayActOn(SIBLING_CITY_ADMIN, city.id())).isFalse();
        assertThat(tree.mayActOn(SIBLING_CITY_ADMIN, county.id())).isFalse();
        assertThat(tree.mayActOn(SIBLING_CITY_ADMIN, branch.id())).isFalse();
        assertThat(tree.mayActOn(CITY_ADMIN, siblingCity.id())).isFalse();
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin of a child org is refused for its parent")
    void childRefusedForParent() {
        assertThat(tree.mayActOn(COUNTY_ADMIN, county.id())).isTrue();
        assertThat(tree.mayActOn(COUNTY_ADMIN, city.id())).isFalse();
        assertThat(tree.mayActAsParentOf(COUNTY_ADMIN, city.id())).isFalse();
    }

    @Test
    @DisplayName("R-SCOPE-2 only the direct parent's admin acts as parent")
    void directParentOnly() {
        assertThat(tree.mayActAsParentOf(CITY_ADMIN, county.id())).isTrue();
        assertThat(tree.mayActAsParentOf(PROVINCE_ADMIN, county.id())).as("grandparent").isFalse();
        assertThat(tree.mayActAsParentOf(COUNTY_ADMIN, county.id())).as("the org itself").isFalse();
        assertThat(tree.mayActAsParentOf(SIBLING_CITY_ADMIN, county.id())).as("beside").isFalse();
        assertThat(tree.mayActAsParentOf(PROVINCE_ADMIN, city.id())).isTrue();
        assertThat(tree.mayActAsParentOf(COUNTY_ADMIN, branch.id())).isTrue();
    }

    @Test
    @DisplayName("ID numbers compare case-insensitively (Keycloak lower-cases a final X)")
    void idNumbersIgnoreCase() {
        assertThat(tree.mayActOn(COUNTY_ADMIN.toUpperCase(), branch.id())).isTrue();
        assertThat(tree.mayActOn(COUNTY_ADMIN.toLowerCase(), branch.id())).isTrue();
        assertThat(tree.mayActAsParentOf(COUNTY_ADMIN.toLowerCase(), branch.id())).isTrue();
        assertThat(tree.administeredBy(COUNTY_ADMIN.toLowerCase())).containsExactly(county.id());
        assertThat(tree.administeredBy(COUNTY_ADMIN.toUpperCase())).containsExactly(county.id());
    }

    @Test
    @DisplayName("isWithin is ancestor-or-self")
    void within() {
        assertThat(tree.isWithin(branch.id(), province.id())).isTrue();
        assertThat(tree.isWithin(branch.id(), branch.id())).isTrue();
        assertThat(tree.isWithin(province.id(), branch.id())).isFalse();
        assertThat(tree.isWithin(siblingCity.id(), city.id())).isFalse();
    }

    @Test
    @DisplayName("R-SCOPE-1 R-ADM-8 many orgs at once are answered as one at a time, with and without a chosen org")
    void manyAtOnce() {
        List<Long> ids = new ArrayList<>(Stream.of(root, province, city, siblingCity, county, branch)
                .map(OrgSnapshot::id).toList());
        ids.add(99_999_999L);
        List<String> people = List.of(PROVINCE_ADMIN, CITY_ADMIN, SIBLING_CITY_ADMIN, COUNTY_ADMIN.toUpperCase(),
                "000000000000000000");
        assertThat(tree.findAll(ids)).hasSize(6).allSatisfy((id, org) -> assertThat(tree.find(id)).contains(org));
        for (String person : people) {
            assertThat(tree.mayActOnAll(person, ids)).as(person)
                    .isEqualTo(ids.stream().filter(id -> tree.mayActOn(person, id)).collect(Collectors.toSet()));
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            for (long chosen : List.of(province.id(), city.id())) {
                RequestContextHolder.currentRequestAttributes().setAttribute(ActiveOrg.class.getName(), chosen,
                        RequestAttributes.SCOPE_REQUEST);
                for (String person : people) {
                    assertThat(tree.mayActOnAll(person, ids)).as("%s for %d", person, chosen).isEqualTo(
                            ids.stream().filter(id -> tree.mayActOn(person, id)).collect(Collectors.toSet()));
                }
            }
            assertThat(tree.mayActOnAll(CITY_ADMIN, ids)).as("the city chosen")
                    .containsExactlyInAnyOrder(city.id(), county.id(), branch.id());
            assertThat(tree.mayActOnAll(PROVINCE_ADMIN, ids)).as("the city chosen, where they are no admin").isEmpty();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    @DisplayName("An org or a person the replica does not know gets no rights")
    void unknowns() {
        assertThat(tree.find(99_999_999L)).isEmpty();
        assertThat(tree.mayActOn(PROVINCE_ADMIN, 99_999_999L)).isFalse();
        assertThat(tree.mayActAsParentOf(PROVINCE_ADMIN, 99_999_999L)).isFalse();
        assertThat(tree.isWithin(99_999_999L, province.id())).isFalse();
        assertThat(tree.administeredBy("000000000000000000")).isEmpty();
        assertThat(tree.mayActOn(null, branch.id())).isFalse();
        assertThat(tree.mayActOn(" ", branch.id())).isFalse();
    }
}
