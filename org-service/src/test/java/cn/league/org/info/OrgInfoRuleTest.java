package cn.league.org.info;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.org.info.OrgInfoRule.Editor;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgInfoRuleTest {

    private static Org org(String path, OrgType type, boolean categoryConfirmed) {
        return new Org(9, 2L, path, type, null, OrgDomain.RURAL, null, "某乡团委", "某乡团委", "11", 2L, null, null,
                null, null, null, null, null, categoryConfirmed);
    }

    private static OrgInfoChange change(OrgType type, String fullName) {
        return new OrgInfoChange(type, OrgDomain.RURAL, null, fullName, "某乡团委", "张三", "13800000000", 12);
    }

    @Test
    @DisplayName("R-ORG-3 only the org's own admin or its direct parent's admin edits its info")
    void editors() {
        Org org = org("1.2.9", OrgType.COMMITTEE, false);
        assertThatCode(() -> OrgInfoRule.check(org, change(OrgType.COMMITTEE, "新名"), Editor.OWN_ADMIN))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrgInfoRule.check(org, change(OrgType.COMMITTEE, "新名"), Editor.PARENT_ADMIN))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrgInfoRule.check(org, change(OrgType.COMMITTEE, "新名"), Editor.OTHER))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> assertThat(refusal.rule()).isEqualTo("R-ORG-3"));
    }

    @Test
    @DisplayName("R-ORG-4 the category changes once, by the org's own admin; names and domain any time")
    void categoryOnce() {
        Org unconfirmed = org("1.2.9", OrgType.COMMITTEE, false);
        assertThatCode(() -> OrgInfoRule.check(unconfirmed, change(OrgType.WORK_COMMITTEE, "某乡团委"), Editor.OWN_ADMIN))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrgInfoRule.check(unconfirmed, change(OrgType.WORK_COMMITTEE, "某乡团委"), Editor.PARENT_ADMIN))
                .isInstanceOfSatisfying(ProblemException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("CATEGORY_OWN_ADMIN_ONLY"));

        Org confirmed = org("1.2.9", OrgType.COMMITTEE, true);
        assertThatThrownBy(() -> OrgInfoRule.check(confirmed, change(OrgType.WORK_COMMITTEE, "某乡团委"), Editor.OWN_ADMIN))
                .isInstanceOfSatisfying(ProblemException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("CATEGORY_ALREADY_CHANGED"));
        assertThatCode(() -> OrgInfoRule.check(confirmed, change(OrgType.COMMITTEE, "改了全称"), Editor.PARENT_ADMIN))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-ORG-4 团中央 and the provincial-level orgs keep category, names and domain")
    void topOrgsFixed() {
        Org province = org("1.2", OrgType.LEADING_BODY, false);
        assertThatThrownBy(() -> OrgInfoRule.check(province, new OrgInfoChange(OrgType.LEADING_BODY,
                OrgDomain.PARTY_AND_GOVERNMENT, null, "改名", "某乡团委", null, null, null), Editor.OWN_ADMIN))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.rule()).isEqualTo("R-ORG-4");
                    assertThat(refusal.detail()).isEqualTo("团中央、省级团委的组织类别、简称、全称、行业类别不可修改");
                });
        Org provinceAsItIs = new Org(2, 1L, "1.2", OrgType.LEADING_BODY, null, OrgDomain.PARTY_AND_GOVERNMENT, null,
                "团北京市委", "北京团市委", "11", 2L, null, null, null, null, null, null, null, false);
        assertThatCode(() -> OrgInfoRule.check(provinceAsItIs, new OrgInfoChange(OrgType.LEADING_BODY,
                OrgDomain.PARTY_AND_GOVERNMENT, null, "团北京市委", "北京团市委", "联系人", "010-1", null), Editor.OWN_ADMIN))
                .as("their contact details still change").doesNotThrowAnyException();
    }
}
