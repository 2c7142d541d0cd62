package cn.league.importing.parse;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellTextTest {

    @Test
    void datesAsPeopleWriteThem() {
        LocalDate may4 = LocalDate.of(2015, 5, 4);
        for (String written : new String[] {"2015-05-04", "2015-5-4", "2015/5/4", "2015.05.04", "2015年5月4日",
                "20150504", "２０１５－０５－０４", " 2015-05-04 ", "2015-05-04 00:00:00", "42128"}) {
            assertThat(CellText.date(written)).as(written).contains(may4);
        }
        assertThat(CellText.date("  ")).isEmpty();
        assertThatThrownBy(() -> CellText.date("2015-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> CellText.date("五月")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void codesAndIdNumbers() {
        assertThat(CellText.idNumber(" １１０１０１ 20000303001ｘ\u00A0")).isEqualTo("11010120000303001X");
        assertThat(CellText.code("138\u200B0000 0000")).isEqualTo("13800000000");
        assertThat(CellText.clean("\uFEFF 张三\u3000")).isEqualTo("张三");
    }
}
