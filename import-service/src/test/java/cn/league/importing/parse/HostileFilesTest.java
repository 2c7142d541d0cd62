package cn.league.importing.parse;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.importing.template.Template;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Item 8: each hostile file is refused as a whole with a code and a Chinese detail, or read safely. */
class HostileFilesTest {

    static void refused(Supplier<byte[]> file, String code) {
        assertThatThrownBy(() -> Workbooks.read(Template.SUBORDINATE_MEMBERS, file.get()))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.detail()).containsPattern("\\p{IsHan}");
                });
    }

    @Test
    @DisplayName("a zip bomb .xlsx is refused by POI's inflate-ratio guard, without inflating it")
    void zipBomb() {
        refused(HostileFiles::zipBomb, "SPREADSHEET_TOO_LARGE_INSIDE");
    }

    @Test
    @DisplayName("XML entities (external, nested) are refused, nothing resolved")
    void entities() {
        refused(HostileFiles::entities, "SPREADSHEET_UNSAFE");
    }

    @Test
    @DisplayName("a sheet claiming 1,048,576 rows and 16,384 columns is read as the rows it holds")
    void claimsWholeSheet() {
        List<ParsedRow> rows = Workbooks.read(Template.SUBORDINATE_MEMBERS, HostileFiles.claimsWholeSheet());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().person().name()).isEqualTo("张三");
    }

    @Test
    void corruptZip() {
        refused(HostileFiles::corruptZip, "SPREADSHEET_UNREADABLE");
    }

    @Test
    void encryptedWorkbooks() {
        refused(HostileFiles::encryptedXlsx, "SPREADSHEET_ENCRYPTED");
        refused(HostileFiles::encryptedXls, "SPREADSHEET_ENCRYPTED");
    }

    @Test
    @DisplayName("a CSV or PDF renamed .xlsx/.xls is refused by its bytes, whatever its name")
    void notSpreadsheets() {
        refused(HostileFiles::csv, "NOT_A_SPREADSHEET");
        refused(HostileFiles::pdf, "NOT_A_SPREADSHEET");
    }
}
