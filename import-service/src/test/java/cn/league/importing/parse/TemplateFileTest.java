package cn.league.importing.parse;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateFileTest {

    static List<String> subordinate(String branch, String kind, String name, String id, String joinDate,
                                    String number) {
        return Arrays.asList(branch, kind, name, id, "汉族", "共青团员", "大学本科", joinDate, number,
                "13800000000", null, null);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @DisplayName("R-IMP-1 each template is read back as itself, rows in template order")
    void readsItsOwnTemplate(FileFormat format) {
        byte[] file = Workbooks.filled(Template.SUBORDINATE_MEMBERS, format,
                List.of(subordinate("某公司一支部", "团员", "张三", "110101200003030011", "2015-05-04", null)));

        List<ParsedRow> rows = Workbooks.read(Template.SUBORDINATE_MEMBERS, file);

        assertThat(rows).hasSize(1);
        ParsedRow row = rows.getFirst();
        assertThat(row.rowNumber()).isEqualTo(3);
        assertThat(row.kind()).isEqualTo("MEMBER");
        assertThat(row.branch()).isEqualTo("某公司一支部");
        assertThat(row.person().name()).isEqualTo("张三");
        assertThat(row.person().joinDate()).isEqualTo(LocalDate.of(2015, 5, 4));
        assertThat(row.faults()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @DisplayName("R-IMP-1 the other template is refused with the FAQ's exact sentence, by its marker or by its headers")
    void mixedUpTemplate(FileFormat format) {
        byte[] cadres = Workbooks.filled(Template.OWN_CADRES, format,
                List.of(Arrays.asList("张三", "110101200003030011")));
        byte[] withoutMarker = Workbooks.edit(cadres, format, sheet -> sheet.removeRow(sheet.getRow(0)));

        for (byte[] file : List.of(cadres, withoutMarker)) {
            assertThatThrownBy(() -> Workbooks.read(Template.SUBORDINATE_MEMBERS, file))
                    .isInstanceOfSatisfying(ProblemException.class, refused -> {
                        assertThat(refused.detail()).isEqualTo("您上传的 excel 表格错误,'导入本级团干部'和"
                                + "'导入下级团支部团员团干部'中所下载的模板不可混用,请重新上传正确的表格");
                        assertThat(refused.rule()).isEqualTo("R-IMP-1");
                    });
        }
        byte[] subordinate = Workbooks.filled(Template.SUBORDINATE_MEMBERS, format,
                List.of(subordinate("x", "团员", "张三", "110101200003030011", null, null)));
        assertThatThrownBy(() -> Workbooks.read(Template.OWN_CADRES, subordinate))
                .isInstanceOfSatisfying(ProblemException.class,
                        refused -> assertThat(refused.code()).isEqualTo("TEMPLATE_MIXED_UP"));
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @DisplayName("real files: dates as text and as serial numbers and date cells, full-width digits, stray spaces, lower-case x, empty rows, formulas' cached values, extra and moved columns")
    void whatRealFilesHold(FileFormat format) {
        byte[] file = Workbooks.edit(Workbooks.template(Template.OWN_CADRES, format), format, sheet -> {
            // columns moved: 身份证号 first, an extra column in between
            Row headers = sheet.getRow(1);
            headers.getCell(0).setCellValue("身份证号");
            headers.getCell(1).setCellValue("姓名");
            headers.createCell(12).setCellValue("备注");
            CellStyle date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));

            Row a = sheet.createRow(2);
            a.createCell(0).setCellValue("１１０１０１２０００ ０３０３００１ｘ ");
            a.createCell(1).setCellValue("  李四\u3000");
            a.createCell(3).setCellValue("中共党员");
            Cell joined = a.createCell(5);
            joined.setCellValue(LocalDate.of(2016, 5, 4));
            joined.setCellStyle(date);
            a.createCell(9).setCellValue("书记");
            a.createCell(12).setCellValue("不用管");
            // an empty row between data
            sheet.createRow(3).createCell(1).setCellValue("   ");
            Row b = sheet.createRow(5);
            b.createCell(0).setCellFormula("\"11010120000303002\"&\"2\"");
            b.createCell(1).setCellValue("王五");
            b.createCell(5).setCellValue(42494); // 2016-05-04 as a serial number without a date format
            b.createCell(6).setCellValue("２０１７４４０００００１");
            Row c = sheet.createRow(6);
            c.createCell(0).setCellValue("110101200003030038");
            c.createCell(1).setCellValue("赵六");
            c.createCell(5).setCellValue("2016年5月4日");
            Row d = sheet.createRow(7);
            d.createCell(0).setCellValue("110101200003030046");
            d.createCell(1).setCellValue("钱七");
            d.createCell(5).setCellValue("2016/5/4 00:00:00");
            Row e = sheet.createRow(8);
            e.createCell(0).setCellValue("110101200003030054");
            e.createCell(1).setCellValue("孙八");
            e.createCell(5).setCellValue("去年");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        List<ParsedRow> rows = Workbooks.read(Template.OWN_CADRES, file);

        assertThat(rows).extracting(ParsedRow::rowNumber).containsExactly(3, 6, 7, 8, 9);
        ParsedRow a = rows.get(0);
        assertThat(a.person().idNumber()).isEqualTo("11010120000303001X");
        assertThat(a.person().name()).isEqualTo("李四");
        assertThat(a.person().politicalStatus()).isEqualTo("中共党员");
        assertThat(a.person().joinDate()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(a.person().postTitle()).isEqualTo("书记");
        assertThat(a.kind()).isEqualTo("CADRE");
        ParsedRow b = rows.get(1);
        assertThat(b.person().idNumber()).isEqualTo("110101200003030022");
        assertThat(b.person().joinDate()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(b.person().developmentNumber()).isEqualTo("201744000001");
        assertThat(rows.get(2).person().joinDate()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(rows.get(3).person().joinDate()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(rows.get(4).faults()).extracting(ParsedRow.Fault::column).containsExactly("入团时间");
    }
}
