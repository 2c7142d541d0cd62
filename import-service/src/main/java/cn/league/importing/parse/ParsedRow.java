package cn.league.importing.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.league.importing.parse.TemplateFile.DataRow;
import cn.league.importing.template.Column;
import cn.league.importing.template.Template;

/**
 * A data row read into the fields of single entry (member-service's NewPerson), values made plain by
 * {@link CellText}. What cannot even be read — a date that is no date, a 人员类型 that is neither choice — is a
 * fault of the row here; every entry rule is member-service's (R-IMP-3: one implementation).
 *
 * @param rowNumber the row's number in the file
 * @param cells     the cells as the file holds them, in template order (for the failure workbook)
 * @param kind      MEMBER or CADRE (null when unreadable)
 * @param branch    the 所在团支部 cell (full name or org id); null in 导入本级团干部
 * @param person    the person's fields
 * @param faults    what could not be read
 */
public record ParsedRow(int rowNumber, List<String> cells, String kind, String branch, Person person,
                        List<Fault> faults) {

    /** The person's fields under single entry's names. */
    public record Person(String idNumber, String name, String ethnicity, String politicalStatus, String education,
                         LocalDate joinDate, String developmentNumber, String mobile, String email,
                         String postTitle) {
    }

    /** Why a row failed: the column (header) it concerns, or null for the row as a whole, and the reason. */
    public record Fault(String column, String reason) {
    }

    public static ParsedRow of(Template template, DataRow row) {
        List<Fault> faults = new ArrayList<>(0);
        String kind = "CADRE";
        String branch = null;
        if (template == Template.SUBORDINATE_MEMBERS) {
            branch = CellText.clean(cell(template, row, Column.BRANCH));
            if (branch.isEmpty()) {
                faults.add(new Fault(Column.BRANCH.header(), "请填写所在团支部"));
            }
            String type = CellText.clean(cell(template, row, Column.KIND));
            kind = switch (type) {
                case "团员" -> "MEMBER";
                case "团干部" -> "CADRE";
                default -> {
                    faults.add(new Fault(Column.KIND.header(), "请选择人员类型(团员或团干部)"));
                    yield null;
                }
            };
        }
        LocalDate joinDate = null;
        try {
            joinDate = CellText.date(cell(template, row, Column.JOIN_DATE)).orElse(null);
        } catch (DateTimeException unreadable) {
            faults.add(new Fault(Column.JOIN_DATE.header(), "入团时间格式不正确,请填写如 2015-05-04 的日期"));
        }
        Person person = new Person(
                CellText.idNumber(cell(template, row, Column.ID_NUMBER)),
                CellText.clean(cell(template, row, Column.NAME)),
                blankToNull(CellText.clean(cell(template, row, Column.ETHNICITY))),
                CellText.clean(cell(template, row, Column.POLITICAL_STATUS)),
                blankToNull(CellText.clean(cell(template, row, Column.EDUCATION))),
                joinDate,
                blankToNull(CellText.code(cell(template, row, Column.DEVELOPMENT_NUMBER))),
                blankToNull(CellText.code(cell(template, row, Column.MOBILE))),
                blankToNull(CellText.code(cell(template, row, Column.EMAIL))),
                blankToNull(CellText.clean(cell(template, row, Column.POST_TITLE))));
        return new ParsedRow(row.rowNumber(), row.cells(), kind, branch, person, List.copyOf(faults));
    }

    private static String cell(Template template, DataRow row, Column column) {
        return row.cells().get(template.columns().indexOf(column));
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
