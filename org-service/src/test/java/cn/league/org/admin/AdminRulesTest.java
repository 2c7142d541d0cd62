package cn.league.org.admin;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgType;
import cn.league.org.admin.AdminChangeRule.Actor;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class AdminRulesTest {

    private static final String ME = "110105199001014329";
    private static final String OTHER = "11010119950315123X";
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    @DisplayName("R-ADM-1 a leading body has at most 2 admins, every other org at most 3")
    void limits() {
        assertThatCode(() -> AdminLimitRule.checkRoomForOneMore(OrgType.LEADING_BODY, 1)).doesNotThrowAnyException();
        assertThat(refusal(() -> AdminLimitRule.checkRoomForOneMore(OrgType.LEADING_BODY, 2)))
                .satisfies(refused -> {
                    assertThat(refused.code()).isEqualTo("ADMIN_LIMIT_REACHED");
                    assertThat(refused.rule()).isEqualTo("R-ADM-1");
                    assertThat(refused.detail()).contains("团的领导机关只允许两位管理员");
                });
        for (OrgType type : new OrgType[] {OrgType.COMMITTEE, OrgType.WORK_COMMITTEE, OrgType.GENERAL_BRANCH,
                OrgType.BRANCH, OrgType.PENDING_BRANCH, OrgType.GRADUATE_BRANCH}) {
            assertThatCode(() -> AdminLimitRule.checkRoomForOneMore(type, 2)).doesNotThrowAnyException();
            assertThat(refusal(() -> AdminLimitRule.checkRoomForOneMore(type, 3)).detail())
                    .contains("最多允许三位管理员");
        }
    }

    @Test
    @DisplayName("R-ADM-2 an added admin must be a cadre of the org (FAQ 9)")
    void onlyCadres() {
        ProblemException refused = refusal(() -> AdminChangeRule.checkGrant(OrgType.BRANCH, 1, false, false));
        assertThat(refused.code()).isEqualTo("ADMIN_MUST_BE_CADRE");
        assertThat(refused.rule()).isEqualTo("R-ADM-2");
        assertThat(refused.detail()).startsWith("管理员必须是团干部").contains("团干部职务变更").contains("管理员变更");
        assertThatCode(() -> AdminChangeRule.checkGrant(OrgType.BRANCH, 1, false, true)).doesNotThrowAnyException();
        assertThat(refusal(() -> AdminChangeRule.checkGrant(OrgType.BRANCH, 3, false, true)).rule())
                .isEqualTo("R-ADM-1");
        assertThat(refusal(() -> AdminChangeRule.checkGrant(OrgType.BRANCH, 1, true, true)).code())
                .isEqualTo("ALREADY_ADMIN");
    }

    @Test
    @DisplayName("R-ADM-4 admins are changed by an admin of the org or of its direct parent only")
    void whoChanges() {
        assertThatCode(() -> AdminChangeRule.checkMayChange(Actor.OWN_ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> AdminChangeRule.checkMayChange(Actor.PARENT_ADMIN)).doesNotThrowAnyException();
        assertThat(refusal(() -> AdminChangeRule.checkMayChange(Actor.HIGHER_ADMIN)).rule()).isEqualTo("R-ADM-4");
        assertThat(refusal(() -> AdminChangeRule.checkMayChange(Actor.OTHER)).rule()).isEqualTo("R-SCOPE-1");
    }

    @Test
    @DisplayName("R-ADM-5 an admin cannot revoke their own admin rights (FAQ 7)")
    void notOneself() {
        ProblemException refused = refusal(() -> AdminChangeRule.checkRevoke(ME, ME, true));
        assertThat(refused.code()).isEqualTo("SELF_REVOKE_NOT_ALLOWED");
        assertThat(refused.rule()).isEqualTo("R-ADM-5");
        assertThat(refused.detail()).isEqualTo("管理员不能撤销自己的权限");
        assertThatCode(() -> AdminChangeRule.checkRevoke(ME, OTHER, true)).doesNotThrowAnyException();
        assertThat(refusal(() -> AdminChangeRule.checkRevoke(ME, OTHER, false)).code()).isEqualTo("ADMIN_NOT_FOUND");
    }

    @Test
    @DisplayName("R-ADM-3 codes: at least 10 random chars from an alphabet without look-alikes; only a SHA-256 is kept")
    void codes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = AdminCode.random();
            assertThat(code).hasSizeGreaterThanOrEqualTo(10).matches("[" + AdminCode.ALPHABET + "]+");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
        assertThat(AdminCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        String code = AdminCode.random();
        assertThat(AdminCode.hash(code)).hasSize(64).matches("[0-9a-f]+").doesNotContain(code);
        assertThat(AdminCode.hash(" " + code.substring(0, 6).toLowerCase() + "-" + code.substring(6)))
                .as("typed with spaces, dashes or lower case").isEqualTo(AdminCode.hash(code));
        assertThat(AdminCode.VALIDITY.toDays()).isEqualTo(30);
    }

    @Test
    @DisplayName("R-ADM-3 a code registers one admin, before it expires, unless a newer code replaced it")
    void redeemable() {
        Instant expires = NOW.plusSeconds(60);
        assertThatCode(() -> AdminCodeRule.checkRedeemable(new StoredAdminCode("h", 7, expires, null, null), NOW))
                .doesNotThrowAnyException();
        assertThat(refusal(() -> AdminCodeRule.checkRedeemable(null, NOW)).code()).isEqualTo("ADMIN_CODE_UNKNOWN");
        assertThat(refusal(() -> AdminCodeRule.checkRedeemable(
                new StoredAdminCode("h", 7, expires, NOW, null), NOW)).code()).isEqualTo("ADMIN_CODE_USED");
        assertThat(refusal(() -> AdminCodeRule.checkRedeemable(
                new StoredAdminCode("h", 7, expires, null, NOW), NOW)).code()).isEqualTo("ADMIN_CODE_REPLACED");
        ProblemException expired = refusal(() -> AdminCodeRule.checkRedeemable(
                new StoredAdminCode("h", 7, NOW, null, null), NOW));
        assertThat(expired.code()).isEqualTo("ADMIN_CODE_EXPIRED");
        assertThat(expired.rule()).isEqualTo("R-ADM-3");
        assertThat(expired.detail()).contains("已过期");
    }

    private static ProblemException refusal(Runnable act) {
        try {
            act.run();
        } catch (ProblemException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }
}
