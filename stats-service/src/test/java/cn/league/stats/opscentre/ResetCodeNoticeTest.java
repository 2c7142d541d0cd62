package cn.league.stats.opscentre;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.member.MemberEvents.ResetCodeIssued;

import static org.assertj.core.api.Assertions.assertThat;

class ResetCodeNoticeTest {

    @Test
    @DisplayName("R-AUTH-3 R-OPS-1 the admins are told for whom, by whom and until when (Beijing time) a reset code was issued")
    void text() {
        ResetCodeIssued issued = new ResetCodeIssued("330106200403152356", "王五", List.of(1004L),
                "330108199010151712", Instant.parse("2026-12-03T07:30:00Z"));
        assertThat(ResetCodeNotice.text(issued)).isEqualTo(
                "管理员(330108199010151712)已为 王五(330106200403152356)分配密码重置验证码,有效期至 2026-12-03 15:30");
    }
}
