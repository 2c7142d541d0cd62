package cn.league.transfer.batch;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchLimitTest {

    @Test
    @DisplayName("R-TR-4 a batch transfer moves 1 to 30 people; 31 are refused with the count in Chinese")
    void limit() {
        assertThatCode(() -> BatchLimit.check(Collections.nCopies(30, "X"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> BatchLimit.check(Collections.nCopies(31, "X")))
                .hasFieldOrPropertyWithValue("code", "BATCH_TOO_LARGE").hasFieldOrPropertyWithValue("rule", "R-TR-4")
                .hasMessage("组织关系批量转接一次最多转接30人,本次选择了31人");
        assertThatThrownBy(() -> BatchLimit.check(List.of())).hasFieldOrPropertyWithValue("code", "BATCH_EMPTY");
    }
}
