package cn.league.identitycentre;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Duration LAG = Duration.ofMinutes(10);

    private final Registry registry = new Registry();

    @Test
    void aWellFormedPairWithAPlainNameMatches() {
        assertThat(registry.check("110105199001014329", "张三", NOW, LAG)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aNameWithTheMarkerDoesNotMatch() {
        assertThat(registry.check("110105199001014329", "张错", NOW, LAG)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aNumberWithAWrongCheckDigitIsUnknown() {
        assertThat(registry.check("110105199001014328", "张三", NOW, LAG)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.check("11010519900101432", "张三", NOW, LAG)).isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    @DisplayName("R-ID-3: a newly registered person is unknown until the lag has passed since the first question")
    void aNewlyRegisteredPersonBecomesKnownAfterTheLag() {
        String id = "110105199001019901".substring(0, 17);
        String newcomer = id + checkDigit(id);
        assertThat(registry.check(newcomer, "李四", NOW, LAG)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.check(newcomer, "李四", NOW.plus(Duration.ofMinutes(9)), LAG)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.check(newcomer, "李四", NOW.plus(LAG), LAG)).isEqualTo(Verdict.MATCH);
    }

    static char checkDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
