package cn.league.contracts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.member.IdNumberCheckCharacter;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberCheckCharacterTest {

    @Test
    @DisplayName("R-ID-4 the GB 11643 check character of published sample numbers, X included")
    void knownNumbers() {
        // The standard's own example (ending in X), another number, and only the first 17 characters count.
        assertThat(IdNumberCheckCharacter.complete("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(IdNumberCheckCharacter.of("44052419800101001")).isEqualTo('3');
        assertThat(IdNumberCheckCharacter.of("33010620010101000X")).isEqualTo(IdNumberCheckCharacter.of("33010620010101000"));
    }

    @Test
    @DisplayName("R-ID-4 the weighted sum and the character agree with of(): 2^(17-i) mod 11 weights")
    void weightsArePowersOfTwo() {
        for (int i = 0; i < 17; i++) {
            assertThat(IdNumberCheckCharacter.weight(i)).isEqualTo((1 << (17 - i)) % 11);
        }
        assertThat(IdNumberCheckCharacter.ofWeightedSum(0)).isEqualTo('1');
        assertThat(IdNumberCheckCharacter.ofWeightedSum(2)).isEqualTo('X');
        assertThat(IdNumberCheckCharacter.ofWeightedSum(13)).isEqualTo('X');
    }
}
