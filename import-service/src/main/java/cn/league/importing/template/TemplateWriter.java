package cn.league.importing.template;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;


/**
 * Writes a template (R-IMP-1) — and a failure workbook, which is the same template holding the failed rows plus a
 * 失败原因 column (R-IMP-2), so it can be fixed and uploaded again. Layout of the first (data) sheet: a hidden first
 * row with the template's marker, the Chinese headers, then the rows; text format on the columns where leading
 * zeros matter; drop-down lists from a hidden sheet of choices. A second sheet explains how to fill it in.
 * .xlsx is written streaming (SXSSF): a template with a shared strings table, as Excel writes it; a failure workbook
 * with the strings of its rows inline in the cells, as Excel and WPS read them too — POI's shared strings table
 * serialises every string through XMLBeans to look it up, which made a failure workbook of 5,000 rows take 30 s of a
 * loaded machine (most of an import's end). .xls as BIFF8 (at most 65,536 rows by the format).
 */
public final class TemplateWriter {

    /** Rows of the data sheet that get the drop-down lists and text format. */
    private static final int FILLABLE_ROWS = 20_000;

    private TemplateWriter() {
    }

    /** An empty template. */
    public static void template(Template template, FileFormat format, OutputStream out) throws IOException {
        write(template, format, List.of(), false, out);
    }

    /** The template holding the failed rows (each: the file's cells in template order, then the reason). */
    public static void failures(Template template, FileFormat format, Iterable<List<String>> rows, OutputStream out)
            throws IOException {
        write(template, format, rows, true, out);
    }

    private static void write(Template template, FileFormat format, Iterable<List<String>> rows, boolean reasons,
                              OutputStream out) throws IOException {
        try (Workbook book = format == FileFormat.XLS ? new HSSFWorkbook() : new SXSSFWorkbook(new XSSFWorkbook(), 500, false, !reasons)) {
            Sheet data = book.createSheet(template.title());
            Sheet help = book.createSheet("填写说明");
            Sheet lists = book.createSheet("选项");
            book.setSheetVisibility(book.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);

            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setDataFormat(book.createDataFormat().getFormat("@"));

            Row marker = data.createRow(0);
            marker.createCell(0).setCellValue(template.marker());
            marker.setZeroHeight(true);
            Row headers = data.createRow(1);
            List<Column> columns = template.columns();
            for (int i = 0; i < columns.size(); i++) {
                var cell = headers.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(header);
                data.setColumnWidth(i, (columns.get(i).text() ? 22 : 14) * 256);
                if (columns.get(i).text()) {
                    data.setDefaultColumnStyle(i, text);
                }
            }
            if (reasons) {
                var cell = headers.createCell(columns.size());
                cell.setCellValue(Template.REASON_HEADER);
                cell.setCellStyle(header);
                data.setColumnWidth(columns.size(), 60 * 256);
            }
            data.createFreezePane(0, 2);
            dropDowns(book, data, lists, columns, FILLABLE_ROWS + 1);
            instructions(help, template);

            int next = 2;
            for (List<String> values : rows) {
                Row row = data.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    var cell = row.createCell(i);
                    cell.setCellValue(values.get(i) == null ? "" : values.get(i));
                    if (i < columns.size() && columns.get(i).text()) {
                        cell.setCellStyle(text);
                    }
                }
            }
            book.write(out);
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
        }
    }

    /** One list per enumerated column, in a hidden sheet, named, and used by a data validation on the column. */
    private static void dropDowns(Workbook book, Sheet data, Sheet lists, List<Column> columns, int lastRow) {
        DataValidationHelper helper = data.getDataValidationHelper();
        int listColumn = 0;
        for (int i = 0; i < columns.size(); i++) {
            List<String> choices = columns.get(i).choices();
            if (choices.isEmpty()) {
                continue;
            }
            for (int r = 0; r < choices.size(); r++) {
                Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                row.createCell(listColumn).setCellValue(choices.get(r));
            }
            String letter = String.valueOf((char) ('A' + listColumn));
            Name name = book.createName();
            name.setNameName("list_" + columns.get(i).name().toLowerCase());
            name.setRefersToFormula("'选项'!$" + letter + "$1:$" + letter + "$" + choices.size());
            DataValidation validation = helper.createValidation(
                    helper.createFormulaListConstraint(name.getNameName()),
                    new CellRangeAddressList(2, lastRow, i, i));
            validation.setShowErrorBox(true);
            validation.createErrorBox("输入有误", "请从下拉列表中选择" + columns.get(i).header());
            data.addValidationData(validation);
            listColumn++;
        }
    }

    private static void instructions(Sheet help, Template template) {
        List<String> lines = List.of(
                "模板:" + template.title(),
                template == Template.SUBORDINATE_MEMBERS
                        ? "用途:录入本组织下级团支部的团员和团干部。每行在“所在团支部”填写团支部全称"
                        + "(同名团支部可填写组织ID),在“人员类型”选择团员或团干部;团干部须填写团内职务。"
                        : "用途:录入本组织(当前组织)的团干部,每行须填写团内职务。",
                "第一张表的第2行是表头,请从第3行起每行填写一人,不要修改表头、不要删除隐藏的第1行。",
                "身份证号:18位,末位X可大写或小写;性别和出生日期由身份证号得出,无需填写。",
                "入团时间:如 2015-05-04;2017年1月1日及以后入团须填写12位发展团员编号(新疆为2016年1月1日起)。",
                "民族、政治面貌、学历、人员类型:请从下拉列表中选择。",
                "身份证号、发展团员编号、手机号码列为文本格式,请勿改为数字格式,以免丢失前导零或末位数字。",
                "导入后,未通过校验的行会连同失败原因生成一个表格,修改后可再次上传;已导入的人员不会重复导入。",
                "'导入本级团干部'和'导入下级团支部团员团干部'的模板不可混用。");
        help.setColumnWidth(0, 120 * 256);
        for (int i = 0; i < lines.size(); i++) {
            help.createRow(i).createCell(0).setCellValue(lines.get(i));
        }
    }
}
