package cn.league.identity.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTest {

    @Test
    @DisplayName("R-ID-1: 一致 passes; 不一致, 查无此人 and anything else fail with the centre's words as the reason")
    void verdicts() {
        assertThat(Outcome.of("一致")).isEqualTo(new Outcome(VerificationStatus.PASSED, null));
        assertThat(Outcome.of("不一致")).isEqualTo(new Outcome(VerificationStatus.FAILED, "不一致"));
        assertThat(Outcome.of("查无此人")).isEqualTo(new Outcome(VerificationStatus.FAILED, "查无此人"));
        assertThat(Outcome.of(null)).isEqualTo(new Outcome(VerificationStatus.FAILED, "无结果"));
        assertThat(VerificationStatus.UNVERIFIED.label()).isEqualTo("未校验");
    }
}
