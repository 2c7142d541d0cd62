package cn.league.org.info;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.org.tree.Org;

import static org.assertj.core.api.Assertions.assertThat;

class CompletenessTest {

    private static Org org(String contactPhone, String secretary) {
        return new Org(9, 2L, "1.2.9", OrgType.BRANCH, null, OrgDomain.RURAL, null, "某村团支部", "某村团支部", "11",
                2L, "张三", contactPhone, secretary, secretary == null ? null : "李四", 12, null, null, true);
    }

    @Test
    @DisplayName("R-ORG-5 complete: every required field, a registered secretary with a mobile number")
    void complete() {
        Completeness completeness = Completeness.of(org("010-1", "110101199001010011"), true, true);
        assertThat(completeness.complete()).isTrue();
        assertThat(completeness.missing()).isEmpty();
    }

    @Test
    @DisplayName("R-ORG-5 says what is missing: a field, the secretary, their registration, their own mobile")
    void missing() {
        assertThat(Completeness.of(org(null, null), false, false).missing()).containsExactly("联系电话", "书记");
        assertThat(Completeness.of(org("010-1", "110101199001010011"), false, false).missing())
                .containsExactly("书记尚未完成注册");
        assertThat(Completeness.of(org("010-1", "110101199001010011"), true, false).missing())
                .containsExactly("书记个人资料中的手机号码");
    }

    @Test
    @DisplayName("R-ORG-9 a branch with fewer than 3 members is to be dissolved or merged; other orgs are not")
    void smallOrg() {
        assertThat(SmallOrgRule.toDissolveOrMerge(true, 2)).isTrue();
        assertThat(SmallOrgRule.toDissolveOrMerge(true, 3)).isFalse();
        assertThat(SmallOrgRule.toDissolveOrMerge(false, 0)).isFalse();
    }
}
