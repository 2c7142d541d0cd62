package cn.league.member.idnumber;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodesTest {

    private final RegionCodes codes = RegionCodes.gbt2260();

    @Test
    @DisplayName("R-ID-4 the shipped GB/T 2260 table holds current and abolished codes at every level")
    void shippedTable() {
        assertThat(codes.size()).isGreaterThan(7_000);
        assertThat(codes.abolishedCount()).isGreaterThan(3_500);

        assertThat(codes.isKnown(110000)).isTrue();                                  // province
        assertThat(codes.isKnown(130100)).isTrue();                                  // prefecture
        assertThat(codes.name(110105)).hasValue("朝阳区");
        assertThat(codes.isAbolished(110105)).isFalse();
        assertThat(codes.name(142200)).hasValue("忻州地区");                           // a 地区 of the 1990s
        assertThat(codes.isAbolished(142200)).isTrue();
        assertThat(codes.isKnown(659012)).isTrue();                                  // 白杨市, 2023
        assertThat(codes.isAbolished(330103)).isTrue();                              // 下城区, merged 2021

        assertThat(codes.isKnown(110199)).isFalse();
        assertThat(codes.isKnown(-1)).isFalse();
        assertThat(codes.isKnown(1_000_000)).isFalse();
        assertThat(codes.name(999999)).isEmpty();
    }

    @Test
    @DisplayName("R-ID-4 a damaged table fails at start-up, not on an ID")
    void damagedTable() {
        assertThatThrownBy(() -> RegionCodes.read(csv("code,name,abolished\n110105,朝阳区,0\n110101,东城区,0\n")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RegionCodes.read(csv("11010,东城区,0\n"))).isInstanceOf(IllegalStateException.class);
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
