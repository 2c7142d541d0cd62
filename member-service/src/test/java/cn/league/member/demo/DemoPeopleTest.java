package cn.league.member.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.league.member.demo.DemoPeople.DemoPerson;
import cn.league.member.entry.DevelopmentNumbers;
import cn.league.member.entry.EntryCheck;
import cn.league.member.entry.EntryFacts;
import cn.league.member.entry.EntryRole;
import cn.league.member.entry.PoliticalStatus;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPeopleTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-06-15", "2026-12-31", "2031-03-01"})
    @DisplayName("R-ID-4 R-MEM-3 R-MEM-4 R-MEM-5 every demo person passes the entry rules on any day of the year the plan is made in")
    void everyonePassesTheEntryRules(String day) {
        LocalDate today = LocalDate.parse(day);
        Clock clock = Clock.fixed(today.atStartOfDay(CHINA).toInstant().plusSeconds(3600), CHINA);
        EntryCheck check = EntryCheck.standard(clock);

        for (DemoPerson person : DemoPeople.plan(today.getYear())) {
            var entry = person.entry();
            var outcome = check.check(new EntryFacts(entry.idNumber(), entry.name(), person.role(),
                    PoliticalStatus.ofLabel(entry.politicalStatus()).orElseThrow(), entry.joinDate(),
                    entry.developmentNumber(), 33), DevelopmentNumbers.NONE_TAKEN);
            assertThat(outcome.violations()).as(entry.idNumber() + " " + entry.name()).isEmpty();
        }
    }

    @Test
    @DisplayName("R-AUTH-5 R-MEM-5 ID numbers and development numbers are each held once; IDs are Zhejiang's but the province admin's")
    void uniqueNumbers() {
        List<DemoPerson> plan = DemoPeople.plan(2026);
        Set<String> ids = plan.stream().map(p -> p.entry().idNumber()).collect(Collectors.toSet());
        List<String> numbers = plan.stream().map(p -> p.entry().developmentNumber()).filter(n -> n != null).toList();

        assertThat(ids).hasSize(plan.size());
        assertThat(new HashSet<>(numbers)).hasSize(numbers.size()).isNotEmpty()
                .allSatisfy(number -> assertThat(number.substring(4, 6)).isEqualTo("33"));
        assertThat(ids).filteredOn(id -> !id.equals(DemoPeople.PROVINCE_ADMIN) && !id.equals(DemoPeople.CENTRAL_ADMIN))
                .allMatch(id -> id.startsWith("33"));
        assertThat(plan.getLast().entry().idNumber()).isEqualTo(DemoPeople.ANCHOR);
    }

    @Test
    @DisplayName("R-MEM-1 R-MEM-6 every demo branch gets members, at least one with incomplete info; every demo org cadres")
    void everyBranchHasMembersSomeIncomplete() {
        List<DemoPerson> plan = DemoPeople.plan(2026);
        Map<String, List<DemoPerson>> members = plan.stream().filter(p -> p.role() == EntryRole.MEMBER)
                .collect(Collectors.groupingBy(DemoPerson::orgName));
        List<String> branches = DemoPeople.orgNames(2026).stream().filter(name -> name.endsWith("团支部")).toList();

        assertThat(branches).hasSize(9);
        assertThat(members.keySet()).containsExactlyInAnyOrderElementsOf(branches);
        members.forEach((branch, inBranch) -> {
            assertThat(inBranch).as(branch).hasSizeGreaterThanOrEqualTo(4);
            assertThat(inBranch).as(branch).anyMatch(p -> p.entry().mobile() == null || p.entry().education() == null);
        });
        assertThat(plan).filteredOn(p -> p.role() == EntryRole.CADRE).allMatch(p -> p.entry().postTitle() != null)
                .extracting(DemoPerson::orgName).filteredOn(branches::contains).containsExactlyInAnyOrder(
                        DemoPeople.graduatingClass("计算机", 2026), DemoPeople.graduatingClass("经济学", 2026));
    }

    @Test
    @DisplayName("R-MEM-10 this year's class branches hold a delayed graduate and a teacher; the temporary branch graduates")
    void graduationFlags() {
        List<DemoPerson> plan = DemoPeople.plan(2026);
        Set<String> graduatingNow = DemoPeople.classBranches(2026).stream()
                .filter(branch -> branch.graduationYear() == 2026).map(DemoPeople.ClassBranch::name)
                .collect(Collectors.toSet());

        assertThat(plan).filteredOn(DemoPerson::delayedGraduate).singleElement()
                .satisfies(p -> assertThat(graduatingNow).contains(p.orgName()));
        assertThat(plan).filteredOn(DemoPerson::teacher).singleElement()
                .satisfies(p -> assertThat(graduatingNow).contains(p.orgName()));
        assertThat(plan).filteredOn(DemoPerson::graduate).isNotEmpty()
                .allMatch(p -> p.orgName().equals(DemoPeople.TEMPORARY_BRANCH));
    }

    @Test
    @DisplayName("R-MEM-2 every demo admin is the 书记 of their org, with a mobile number")
    void adminsAreSecretaries() {
        Map<String, DemoPerson> byId = DemoPeople.plan(2026).stream()
                .collect(Collectors.toMap(p -> p.entry().idNumber(), p -> p));
        Map<String, String> admins = Map.ofEntries(
                Map.entry(DemoPeople.PROVINCE_ADMIN, DemoPeople.ROOT),
                Map.entry(DemoPeople.CITY_ADMIN, DemoPeople.CITY),
                Map.entry(DemoPeople.COUNTY_ADMIN, DemoPeople.COUNTY),
                Map.entry(DemoPeople.UNIVERSITY_ADMIN, DemoPeople.UNIVERSITY),
                Map.entry(DemoPeople.PARK_ADMIN, DemoPeople.PARK),
                Map.entry(DemoPeople.STREET_ADMIN, DemoPeople.STREET),
                Map.entry(DemoPeople.CENTRAL_ADMIN, DemoPeople.CENTRAL),
                Map.entry(DemoPeople.COMPUTING_ADMIN, DemoPeople.COMPUTING),
                Map.entry(DemoPeople.ECONOMICS_ADMIN, DemoPeople.ECONOMICS),
                Map.entry(DemoPeople.COMPUTING_CLASS_ADMIN, DemoPeople.graduatingClass("计算机", 2026)),
                Map.entry(DemoPeople.ECONOMICS_CLASS_ADMIN, DemoPeople.graduatingClass("经济学", 2026)));

        admins.forEach((id, org) -> assertThat(byId.get(id)).as(id).satisfies(admin -> {
            assertThat(admin.orgName()).isEqualTo(org);
            assertThat(admin.role()).isEqualTo(EntryRole.CADRE);
            assertThat(admin.entry().postTitle()).isEqualTo("书记");
            assertThat(admin.entry().mobile()).isNotBlank();
        }));
    }
}
