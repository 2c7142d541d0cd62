package cn.league.org.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {"league.demo.enabled=true", "league.database=league_org_demo_test"})
class DemoDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoData demo;

    @Test
    @DisplayName("the demo tree: a province-city-county chain, a university with graduating classes, a park's temporary branch, a street's floating branch, an admin each")
    void demoTree() {
        assertThat(path("团杭州市西湖区委")).matches("1\\.\\d+\\.\\d+\\.\\d+");
        assertThat(count("select count(*) from org where type = 'BRANCH' and domain = 'SCHOOL' "
                + "and graduation_year = extract(year from now())")).isEqualTo(3);
        assertThat(count("select count(*) from org where branch_kind = 'SCHOOL_TO_SOCIETY_TEMPORARY'")).isEqualTo(1);
        assertThat(count("select count(*) from org where branch_kind = 'FLOATING'")).isEqualTo(1);
        assertThat(count("select count(distinct id_number) from org_admin")).isEqualTo(6);
        assertThat(count("select count(*) from org_admin a join org_post p using (org_id, id_number)"))
                .as("every demo admin is a cadre of their org").isEqualTo(6);
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
