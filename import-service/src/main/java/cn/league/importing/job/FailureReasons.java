package cn.league.importing.job;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.league.importing.parse.ParsedRow.Fault;
import cn.league.importing.template.Column;
import cn.league.importing.template.Template;

/**
 * A failed row's 失败原因 (R-IMP-2): each reason with its row and column, e.g. "第5行 身份证号:身份证号校验位不正确".
 * member-service names its violations by code; the column is the one the rule reads.
 */
final class FailureReasons {

    private static final Map<String, Column> PROPERTIES = Map.of("idNumber", Column.ID_NUMBER, "name", Column.NAME,
            "ethnicity", Column.ETHNICITY, "politicalStatus", Column.POLITICAL_STATUS, "education", Column.EDUCATION,
            "developmentNumber", Column.DEVELOPMENT_NUMBER, "mobile", Column.MOBILE, "email", Column.EMAIL,
            "postTitle", Column.POST_TITLE);

    private FailureReasons() {
    }

    static String of(int rowNumber, List<Fault> faults) {
        return faults.stream()
                .map(fault -> "第" + rowNumber + "行" + (fault.column() == null ? "" : " " + fault.column()) + ":"
                        + fault.reason())
                .collect(Collectors.joining(";"));
    }

    /** A member-service violation as a fault of the column it concerns. */
    static Fault fault(Template template, MemberBulk.Violation violation) {
        return new Fault(column(template, violation), violation.message());
    }

    private static String column(Template template, MemberBulk.Violation violation) {
        String code = violation.code() == null ? "" : violation.code();
        Column column;
        if (code.startsWith("ID_") || code.startsWith("AGE_") || code.equals("DUPLICATE_ID_IN_FILE")) {
            column = Column.ID_NUMBER;
        } else if (code.contains("DEVELOPMENT_NUMBER")) {
            column = Column.DEVELOPMENT_NUMBER;
        } else if (code.startsWith("JOIN_")) {
            column = Column.JOIN_DATE;
        } else if (code.startsWith("POLITICAL_STATUS")) {
            column = Column.POLITICAL_STATUS;
        } else if (code.startsWith("POST_")) {
            column = Column.POST_TITLE;
        } else if (code.equals("OUT_OF_SCOPE") || code.equals("ORG_NOT_FOUND")
                || code.equals("MEMBERSHIP_ONLY_IN_BRANCH")) {
            column = Column.BRANCH;
        } else if (code.equals("VALIDATION_FAILED")) {
            column = PROPERTIES.entrySet().stream()
                    .filter(property -> violation.message().contains(":" + property.getKey() + ":"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        } else {
            column = null;
        }
        return column == null || !template.columns().contains(column) ? null : column.header();
    }
}
