package cn.league.stats.snapshot;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;

import static org.assertj.core.api.Assertions.assertThat;

class RollUpTest {

    /** members, members complete, cadres, cadres complete, people, people complete. */
    private static long[] own(long... figures) {
        return figures;
    }

    @Test
    @DisplayName("R-STAT-2 each org's figures are its own plus everything below it, by domain; R-STAT-1 per org type")
    void rollsUpByDomain() {
        RollUp rollUp = new RollUp();
        // province (leading body, one complete cadre) > school committee (2 complete cadres) > 2 branches;
        // province > village branch
        rollUp.add(new RollUp.Org(1, null, "1", OrgType.LEADING_BODY, OrgDomain.PARTY_AND_GOVERNMENT,
                own(0, 0, 1, 1, 1, 1)));
        rollUp.add(new RollUp.Org(11, 1L, "1.11", OrgType.COMMITTEE, OrgDomain.SCHOOL, own(0, 0, 2, 2, 2, 2)));
        rollUp.add(new RollUp.Org(111, 11L, "1.11.111", OrgType.BRANCH, OrgDomain.SCHOOL, own(3, 3, 0, 0, 3, 3)));
        rollUp.add(new RollUp.Org(112, 11L, "1.11.112", OrgType.BRANCH, OrgDomain.SCHOOL, own(4, 2, 0, 0, 4, 2)));
        rollUp.add(new RollUp.Org(12, 1L, "1.12", OrgType.BRANCH, OrgDomain.RURAL, null));

        Map<String, long[]> figures = new HashMap<>();
        rollUp.forEach((orgId, parentId, domain, values) -> figures.put(orgId + "/" + domain, values.clone()));

        long[] provinceSchools = figures.get("1/SCHOOL");
        assertThat(provinceSchools[RollUp.BRANCHES]).isEqualTo(2);
        assertThat(provinceSchools[RollUp.BRANCHES_COMPLETE]).isEqualTo(1);
        assertThat(provinceSchools[RollUp.MEMBERS]).isEqualTo(7);
        assertThat(provinceSchools[RollUp.MEMBERS_COMPLETE]).isEqualTo(5);
        assertThat(provinceSchools[RollUp.BODIES]).isEqualTo(1);
        assertThat(provinceSchools[RollUp.BODIES_COMPLETE]).isEqualTo(1);
        assertThat(provinceSchools[RollUp.CADRES]).isEqualTo(2);
        long[] provinceRural = figures.get("1/RURAL");
        assertThat(provinceRural[RollUp.BRANCHES]).isEqualTo(1);
        assertThat(provinceRural[RollUp.BRANCHES_COMPLETE]).isZero();
        long[] provinceItself = figures.get("1/PARTY_AND_GOVERNMENT");
        assertThat(provinceItself[RollUp.LEADING_BODIES]).isEqualTo(1);
        assertThat(provinceItself[RollUp.LEADING_BODIES_COMPLETE]).isEqualTo(1);
        assertThat(figures.get("11/SCHOOL")[RollUp.MEMBERS]).isEqualTo(7);
        assertThat(figures.get("112/SCHOOL")[RollUp.BRANCHES_COMPLETE]).as("2 of 4 complete: not yet").isZero();
        assertThat(figures).doesNotContainKey("11/RURAL");
    }
}
