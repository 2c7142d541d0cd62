package cn.league.member.profile;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentNumberCheckTest {

    @Test
    @DisplayName("R-MEM-5 a correction is 12 digits starting with the join year")
    void format() {
        LocalDate joined = LocalDate.of(2020, 5, 4);
        assertThatCode(() -> DevelopmentNumberCheck.check("202011000001", joined, true)).doesNotThrowAnyException();
        assertRefused(() -> DevelopmentNumberCheck.check("20201100000", joined, true), "DEVELOPMENT_NUMBER_LENGTH",
                "发展团员编号位数不对");
        assertRefused(() -> DevelopmentNumberCheck.check("2020110000a1", joined, true), "DEVELOPMENT_NUMBER_FORMAT",
                "发展团员编号填写有误(格式不对)");
        assertRefused(() -> DevelopmentNumberCheck.check("201911000001", joined, true), "DEVELOPMENT_NUMBER_YEAR",
                "发展团员编号前四位年份与入团时间不一致");
    }

    @Test
    @DisplayName("R-MEM-5 joins in 2017 and 2018 may carry either year")
    void twoYearsAtTheStart() {
        assertThatCode(() -> DevelopmentNumberCheck.check("201811000001", LocalDate.of(2017, 6, 1), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentNumberCheck.check("201711000001", LocalDate.of(2018, 6, 1), true))
                .doesNotThrowAnyException();
        assertRefused(() -> DevelopmentNumberCheck.check("201911000001", LocalDate.of(2018, 6, 1), true),
                "DEVELOPMENT_NUMBER_YEAR", "发展团员编号前四位年份与入团时间不一致");
    }

    @Test
    @DisplayName("R-MEM-5 a required number cannot be cleared; an optional one can")
    void required() {
        assertRefused(() -> DevelopmentNumberCheck.check(null, LocalDate.of(2018, 1, 1), true),
                "DEVELOPMENT_NUMBER_REQUIRED", "2017年1月1日以后入团的团员须准确填入发展团员编号");
        assertThatCode(() -> DevelopmentNumberCheck.check(null, LocalDate.of(2015, 1, 1), false))
                .doesNotThrowAnyException();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
                                      String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
            org.assertj.core.api.Assertions.assertThat(problem.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(problem.rule()).isEqualTo("R-MEM-5");
            org.assertj.core.api.Assertions.assertThat(problem.detail()).isEqualTo(detail);
        });
    }
}
