package cn.league.org.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.school.GraduationConversion;

import static org.assertj.core.api.Assertions.assertThat;

// the conversion date is always past, as for a stack started after 06-01
@SpringBootTest(properties = {"league.demo.enabled=true", "league.database=league_org_demo_test",
        "league.graduation.conversion-date=01-01"})
class DemoDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoData demo;
    @Autowired
    GraduationConversion conversion;

    @Test
    @DisplayName("the demo tree: a province-city-county chain, a university with graduating classes, a park's temporary branch, a street's floating branch, an admin each")
    void demoTree() {
        assertThat(path("团杭州市西湖区委")).matches("1\\.\\d+\\.\\d+\\.\\d+");
        assertThat(count("select count(*) from org where type in ('BRANCH', 'GRADUATE_BRANCH') and domain = 'SCHOOL' "
                + "and graduation_year = extract(year from now())")).isEqualTo(3);
        assertThat(count("select count(*) from org where branch_kind = 'SCHOOL_TO_SOCIETY_TEMPORARY'")).isEqualTo(1);
        assertThat(count("select count(*) from org where branch_kind = 'FLOATING'")).isEqualTo(1);
        assertThat(count("select count(distinct id_number) from org_admin")).isEqualTo(11);
        assertThat(count("select count(*) from org_admin a join org_post p using (org_id, id_number)"))
                .as("every demo admin is a cadre of their org").isEqualTo(11);
    }

    @Test
    @DisplayName("issue 18: 团中央, the colleges and their first graduating classes have an admin each")
    void adminsForTheCentreCollegesAndGraduatingClasses() {
        assertThat(jdbc.sql("select o.full_name from org_admin a join org o on o.id = a.org_id where a.id_number in "
                        + "(?, ?, ?, ?, ?) order by o.full_name")
                .params(DemoData.CENTRAL_ADMIN, DemoData.COMPUTING_ADMIN, DemoData.ECONOMICS_ADMIN,
                        DemoData.COMPUTING_CLASS_ADMIN, DemoData.ECONOMICS_CLASS_ADMIN)
                .query(String.class).list())
                .containsExactlyInAnyOrder("中国共产主义青年团中央委员会", "计算机科学与技术学院团委", "经济学院团委",
                        "计算机" + (java.time.Year.now().getValue() - 4) + "级1班团支部",
                        "经济学" + (java.time.Year.now().getValue() - 4) + "级1班团支部");
    }

    @Test
    @DisplayName("R-GRAD-3 a service started after this year's conversion date catches up at startup, once: this year's classes become graduate branches, announced")
    void startedLateCatchesUp() throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (graduateBranches() < 3 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(graduateBranches()).isEqualTo(3);
        assertThat(count("select count(*) from org where type = 'BRANCH' and graduation_year = extract(year from now())"))
                .isZero();
        int events = count("select last_value from platform.outbox_event_id_seq");

        assertThat(conversion.convertIfDue(java.time.LocalDate.now())).as("a second run (a restart)").isZero();
        assertThat(graduateBranches()).isEqualTo(3);
        assertThat(count("select last_value from platform.outbox_event_id_seq")).as("nothing announced twice")
                .isEqualTo(events);
    }

    private int graduateBranches() {
        return count("select count(*) from org where type = 'GRADUATE_BRANCH' "
                + "and graduation_year = extract(year from now())");
    }

    @Test
    @DisplayName("running the demo data again changes nothing")
    void onlyOnce() {
        int orgs = count("select count(*) from org");
        demo.run(null);
        assertThat(count("select count(*) from org")).isEqualTo(orgs);
    }

    private String path(String name) {
        return jdbc.sql("select path::text from org where full_name = ?").param(name).query(String.class).single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
