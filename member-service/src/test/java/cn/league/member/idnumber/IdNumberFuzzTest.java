package cn.league.member.idnumber;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-ID-4's parser under any text (issue 16 item 9, Jazzer): it answers every input with an ID or a fault, never an
 * exception, and an ID it accepts is 18 characters, accepted again as itself. Fuzzed for a bounded time by the test
 * command, longer with {@code -Pfuzz} (README: tests).
 */
class IdNumberFuzzTest {

    private static final IdNumberRule RULE = IdNumberRule.standard();

    @FuzzTest(maxDuration = "10s")
    void anyTextIsAnIdOrAFault(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        IdNumberCheck checked = RULE.check(raw);

        assertThat(checked).isNotNull();
        if (checked instanceof IdNumber id) {
            assertThat(id.value()).hasSize(18).matches("[0-9]{17}[0-9X]");
            assertThat(RULE.check(id.value())).isEqualTo(id);
            assertThat(id.birthDate().getYear()).isGreaterThanOrEqualTo(1900);
        }
    }
}
