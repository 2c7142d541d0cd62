package cn.league.org.info;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.EventJson;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.contracts.org.OrgType;
import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.test.TopicReader;

import static cn.league.org.support.People.BEIJING;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.ORG_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgInfoApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    long district;
    long township;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        district = api.createDistrict("团怀柔区委", DISTRICT_ADMIN);
        township = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "RURAL", "某镇团委");
        api.makeAdmin(ORG_ADMIN, township);
        api.createDistrict("团密云区委", SIBLING_DISTRICT_ADMIN);
    }

    private static String info(String type, String fullName) {
        return """
                {"type":"%s","domain":"RURAL","fullName":"%s","shortName":"某镇团委","contactPerson":"李四",
                 "contactPhone":"010-12345678","baseline2017":40}""".formatted(type, fullName);
    }

    @Test
    @DisplayName("R-ORG-3 the own admin and the direct parent's admin edit org info, and it takes effect at once")
    void editors() {
        var byParent = api.put(DISTRICT_ADMIN, "/api/orgs/" + township, info("COMMITTEE", "怀柔区某镇团委"));
        assertThat(byParent.status()).isEqualTo(200);
        assertThat(api.get(ORG_ADMIN, "/api/orgs/" + township).json().path("fullName").asString())
                .isEqualTo("怀柔区某镇团委");

        var byOwn = api.put(ORG_ADMIN, "/api/orgs/" + township, info("COMMITTEE", "某镇团委(新)"));
        assertThat(byOwn.status()).isEqualTo(200);
        assertThat(byOwn.json().path("baseline2017").asInt()).isEqualTo(40);
    }

    @Test
    @DisplayName("R-ORG-3 R-SCOPE-2 a grandparent's, a sibling's and a child's admin may not edit the info")
    void othersRefused() {
        var byGrandparent = api.put(BEIJING_ADMIN, "/api/orgs/" + township, info("COMMITTEE", "越级"));
        assertThat(byGrandparent.status()).isEqualTo(403);
        assertThat(byGrandparent.rule()).isEqualTo("R-ORG-3");
        assertThat(api.put(SIBLING_DISTRICT_ADMIN, "/api/orgs/" + township, info("COMMITTEE", "越权")).status())
                .isEqualTo(403);
        assertThat(api.put(ORG_ADMIN, "/api/orgs/" + district, """
                {"type":"LEADING_BODY","domain":"PARTY_AND_GOVERNMENT","fullName":"子改父","shortName":"子改父"}""")
                .status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-ORG-4 the own admin changes the category once, at the first verification; then never again")
    void categoryOnce() {
        var first = api.put(ORG_ADMIN, "/api/orgs/" + township, info("WORK_COMMITTEE", "某镇团委"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("type").asString()).isEqualTo("WORK_COMMITTEE");

        var second = api.put(ORG_ADMIN, "/api/orgs/" + township, info("COMMITTEE", "某镇团委"));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.code()).isEqualTo("CATEGORY_ALREADY_CHANGED");
        assertThat(second.rule()).isEqualTo("R-ORG-4");
    }

    @Test
    @DisplayName("R-ORG-4 a parent's admin verifying first does not use up the own admin's category change; the parent cannot change it")
    void parentCannotChangeCategory() {
        var byParent = api.put(DISTRICT_ADMIN, "/api/orgs/" + township, info("GENERAL_BRANCH", "某镇团委"));
        assertThat(byParent.status()).isEqualTo(403);
        assertThat(byParent.code()).isEqualTo("CATEGORY_OWN_ADMIN_ONLY");
    }

    @Test
    @DisplayName("R-ORG-4 团中央 and provincial-level orgs keep their names")
    void provinceFixed() {
        var renamed = api.put(BEIJING_ADMIN, "/api/orgs/" + BEIJING, """
                {"type":"LEADING_BODY","domain":"PARTY_AND_GOVERNMENT","fullName":"改名","shortName":"北京团市委"}""");
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.code()).isEqualTo("TOP_ORG_INFO_FIXED");
    }

    @Test
    @DisplayName("R-ORG-1 a category change must still fit the parent and the children")
    void categoryKeepsShape() {
        api.createChild(ORG_ADMIN, township, "BRANCH", "RURAL", "某村团支部");
        var toBranch = api.put(ORG_ADMIN, "/api/orgs/" + township, info("BRANCH", "某镇团委"));
        assertThat(toBranch.status()).isEqualTo(422);
        assertThat(toBranch.rule()).isEqualTo("R-ORG-1");
    }

    @Test
    @DisplayName("an info change is published as OrgChanged on league.org.events, keyed by the provincial tree")
    void publishesTheChange() {
        api.put(DISTRICT_ADMIN, "/api/orgs/" + township, info("COMMITTEE", "发布测试团委"));

        try (TopicReader reader = OrgEvents.reader()) {
            var record = reader.readUntilContains("发布测试团委", Duration.ofSeconds(20)).stream()
                    .filter(r -> r.value().contains("发布测试团委")).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(String.valueOf(BEIJING));
            var changed = EventJson.dataAs(EventJson.read(record.value()), OrgChanged.class);
            assertThat(changed.org().id()).isEqualTo(township);
            assertThat(changed.org().type()).isEqualTo(OrgType.COMMITTEE);
            assertThat(changed.org().path()).isEqualTo("1.2." + district + "." + township);
        }
    }
}
