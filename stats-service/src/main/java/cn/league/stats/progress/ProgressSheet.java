package cn.league.stats.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.league.stats.progress.EntryProgress.Table;

/**
 * 下载团员录入情况 / 下载团干部录入情况 (R-STAT-2, FAQ 38) in one workbook: the same lines as the page, the hour they
 * are as of in the first row (R-STAT-5).
 */
final class ProgressSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private record Column(String title, Function<ProgressRow, Object> value) {
    }

    static final List<Column> MEMBERS = List.of(
            new Column("组织名称", ProgressRow::fullName),
            new Column("下级团支部总数", ProgressRow::branches),
            new Column("已完成录入的下级团支部总数", ProgressRow::branchesComplete),
            new Column("完成录入的团支部占比", ProgressRow::branchesRatio),
            new Column("已录入的团员总数", ProgressRow::members),
            new Column("已完成录入的团员总数", ProgressRow::membersComplete),
            new Column("个人资料录入完整的团员占比", ProgressRow::membersRatio),
            new Column("2017年团统数量", ProgressRow::baseline),
            new Column("目前录入数量与2017团统数量占比", ProgressRow::baselineRatio));

    static final List<Column> CADRES = List.of(
            new Column("组织名称", ProgressRow::fullName),
            new Column("基层团组织总数", ProgressRow::bodies),
            new Column("已完成录入的基层团组织总数", ProgressRow::bodiesComplete),
            new Column("完成录入的基层团组织占比", ProgressRow::bodiesRatio),
            new Column("已录入的团干部总数", ProgressRow::cadres),
            new Column("已完成录入的团干部总数", ProgressRow::cadresComplete),
            new Column("个人资料录入完整的团干部占比", ProgressRow::cadresRatio));

    private ProgressSheet() {
    }

    static byte[] of(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            sheet(workbook, "团员录入情况", MEMBERS, table, percent);
            sheet(workbook, "团干部录入情况", CADRES, table, percent);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void sheet(SXSSFWorkbook workbook, String name, List<Column> columns, Table table,
                              CellStyle percent) {
        Sheet sheet = workbook.createSheet(name);
        String title = table.org().fullName() + " " + name + " " + table.asOf().label()
                + (table.domain() == null ? "" : " 领域: " + table.domain().name());
        sheet.createRow(0).createCell(0).setCellValue(title);
        Row header = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(columns.get(c).title());
            sheet.setColumnWidth(c, (c == 0 ? 40 : 18) * 256);
        }
        int rowNumber = 2;
        for (ProgressRow line : table.children()) {
            write(sheet.createRow(rowNumber++), columns, line, percent);
        }
        ProgressRow total = table.org();
        write(sheet.createRow(rowNumber), columns, new ProgressRow(total.orgId(), "合计", total.type(),
                total.branches(), total.branchesComplete(), total.branchesRatio(), total.members(),
                total.membersComplete(), total.membersRatio(), total.baseline(), total.baselineRatio(),
                total.bodies(), total.bodiesComplete(), total.bodiesRatio(), total.cadres(), total.cadresComplete(),
                total.cadresRatio(), total.leadingBodies(), total.leadingBodiesComplete()), percent);
    }

    private static void write(Row row, List<Column> columns, ProgressRow line, CellStyle percent) {
        for (int c = 0; c < columns.size(); c++) {
            Object value = columns.get(c).value().apply(line);
            if (value instanceof BigDecimal ratio) {
                var cell = row.createCell(c);
                cell.setCellValue(ratio.doubleValue());
                cell.setCellStyle(percent);
            } else if (value instanceof Long number) {
                row.createCell(c).setCellValue(number);
            } else if (value != null) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }
}
