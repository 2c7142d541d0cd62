package cn.league.importing.template;

import java.util.List;
import java.util.Optional;

/**
 * The two import templates of R-IMP-1. 导入下级团支部团员团干部: members and cadres of the branches below the
 * uploading org, each row naming its branch (by full name, or by its org id for branches of the same name);
 * 导入本级团干部: cadres of the uploading org itself. Gender is not a column: it follows from the ID number.
 */
public enum Template {

    SUBORDINATE_MEMBERS("subordinate-members", "导入下级团支部团员团干部", List.of(Column.BRANCH, Column.KIND,
            Column.NAME, Column.ID_NUMBER, Column.ETHNICITY, Column.POLITICAL_STATUS, Column.EDUCATION,
            Column.JOIN_DATE, Column.DEVELOPMENT_NUMBER, Column.MOBILE, Column.EMAIL, Column.POST_TITLE)),
    OWN_CADRES("own-cadres", "导入本级团干部", List.of(Column.NAME, Column.ID_NUMBER, Column.ETHNICITY,
            Column.POLITICAL_STATUS, Column.EDUCATION, Column.JOIN_DATE, Column.DEVELOPMENT_NUMBER, Column.MOBILE,
            Column.EMAIL, Column.POST_TITLE));

    /** R-IMP-1: the FAQ's sentence for a file of the other template. */
    public static final String MIXED_UP = "您上传的 excel 表格错误,'导入本级团干部'和'导入下级团支部团员团干部'"
            + "中所下载的模板不可混用,请重新上传正确的表格";

    /** The first cell of the data sheet's hidden first row starts with this, then the template's code. */
    static final String MARKER_PREFIX = "league-import-template:";

    /** Header of the reason column the failure workbook adds. */
    public static final String REASON_HEADER = "失败原因";

    private final String code;
    private final String title;
    private final List<Column> columns;

    Template(String code, String title, List<Column> columns) {
        this.code = code;
        this.title = title;
        this.columns = columns;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public String marker() {
        return MARKER_PREFIX + code;
    }

    public static Optional<Template> ofCode(String code) {
        for (Template template : values()) {
            if (template.code.equals(code)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** The template a marker cell names, if it is one. */
    public static Optional<Template> ofMarker(String cell) {
        if (cell == null || !cell.strip().startsWith(MARKER_PREFIX)) {
            return Optional.empty();
        }
        return ofCode(cell.strip().substring(MARKER_PREFIX.length()));
    }

    /** The template whose headers these are (extra columns beside them allowed), for a file without its marker. */
    public static Optional<Template> ofHeaders(List<String> headers) {
        for (Template template : values()) {
            if (headers.containsAll(template.columns.stream().map(Column::header).toList())) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }
}
