package cn.league.member.entry;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.league.member.entry.EntryRole.CADRE;
import static cn.league.member.entry.EntryRole.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class AgeRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    @DisplayName("R-MEM-3 a member is accepted on their 14th birthday and refused the day before")
    void memberTurning14() {
        assertThat(AgeRule.check(LocalDate.of(2012, 6, 15), MEMBER, PoliticalStatus.LEAGUE_MEMBER, TODAY)).isEmpty();
        assertThat(AgeRule.check(LocalDate.of(2012, 6, 16), MEMBER, PoliticalStatus.LEAGUE_MEMBER, TODAY))
                .containsExactly(AgeRule.MEMBER_BELOW_14);
        assertThat(AgeRule.MEMBER_BELOW_14.code()).isEqualTo("AGE_BELOW_14");
        assertThat(AgeRule.MEMBER_BELOW_14.rule()).isEqualTo("R-MEM-3");
        assertThat(AgeRule.MEMBER_BELOW_14.message()).contains("普通团员的年龄限制为大于14周岁,小于28周岁");
    }

    @Test
    @DisplayName("R-MEM-3 a member is accepted the day before their 28th birthday and refused on it")
    void memberTurning28() {
        assertThat(AgeRule.check(LocalDate.of(1998, 6, 16), MEMBER, PoliticalStatus.LEAGUE_MEMBER, TODAY)).isEmpty();
        assertThat(AgeRule.check(LocalDate.of(1998, 6, 15), MEMBER, PoliticalStatus.LEAGUE_MEMBER, TODAY))
                .containsExactly(AgeRule.MEMBER_28_OR_OVER);
        assertThat(AgeRule.check(LocalDate.of(1970, 1, 1), MEMBER, null, TODAY))
                .containsExactly(AgeRule.MEMBER_28_OR_OVER);
        assertThat(AgeRule.MEMBER_28_OR_OVER.code()).isEqualTo("AGE_28_OR_OVER");
    }

    @Test
    @DisplayName("R-MEM-3 a cadre must have turned 14 and has no upper age limit")
    void cadre() {
        assertThat(AgeRule.check(LocalDate.of(2012, 6, 16), CADRE, null, TODAY)).containsExactly(AgeRule.CADRE_BELOW_14);
        assertThat(AgeRule.CADRE_BELOW_14.message()).contains("团干部的年龄限制为大于14周岁");
        assertThat(AgeRule.check(LocalDate.of(2012, 6, 15), CADRE, null, TODAY)).isEmpty();
        assertThat(AgeRule.check(LocalDate.of(1998, 6, 15), CADRE, PoliticalStatus.LEAGUE_MEMBER, TODAY)).isEmpty();
        assertThat(AgeRule.check(LocalDate.of(1965, 3, 1), CADRE, PoliticalStatus.PARTY_MEMBER, TODAY)).isEmpty();
    }

    @Test
    @DisplayName("R-MEM-3 中共党员 and 中共预备党员 entered as members keep membership only while under 28 (R-MEM-9)")
    void partyMembers() {
        for (PoliticalStatus party : new PoliticalStatus[] {PoliticalStatus.PARTY_MEMBER,
                PoliticalStatus.PROBATIONARY_PARTY_MEMBER}) {
            assertThat(party.isPartyMember()).isTrue();
            assertThat(AgeRule.check(LocalDate.of(1998, 6, 16), MEMBER, party, TODAY)).isEmpty();
            assertThat(AgeRule.check(LocalDate.of(1998, 6, 15), MEMBER, party, TODAY))
                    .containsExactly(AgeRule.PARTY_MEMBER_28_OR_OVER);
            assertThat(AgeRule.check(LocalDate.of(2012, 6, 16), MEMBER, party, TODAY))
                    .containsExactly(AgeRule.MEMBER_BELOW_14);
        }
        assertThat(AgeRule.PARTY_MEMBER_28_OR_OVER.code()).isEqualTo(AgeRule.MEMBER_28_OR_OVER.code());
        assertThat(AgeRule.PARTY_MEMBER_28_OR_OVER.message()).contains("中共党员").contains("不再保留团籍");
        assertThat(PoliticalStatus.LEAGUE_MEMBER.isPartyMember()).isFalse();
    }

    @Test
    @DisplayName("R-MEM-3 full years (周岁) count the birthday; a 29 February birthday counts from 1 March in common years")
    void fullYears() {
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 6, 15), LocalDate.of(2026, 6, 14))).isEqualTo(13);
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 6, 15), LocalDate.of(2026, 6, 15))).isEqualTo(14);
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 2, 29), LocalDate.of(2026, 2, 28))).isEqualTo(13);
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 2, 29), LocalDate.of(2026, 3, 1))).isEqualTo(14);
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 2, 29), LocalDate.of(2028, 2, 29))).isEqualTo(16);
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 12, 31), LocalDate.of(2013, 1, 1))).isZero();
        assertThat(AgeRule.ageOn(LocalDate.of(2012, 6, 15), LocalDate.of(2012, 6, 14))).isEqualTo(-1);
    }
}
