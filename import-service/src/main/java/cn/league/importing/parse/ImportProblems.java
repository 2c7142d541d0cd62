package cn.league.importing.parse;

import org.springframework.http.HttpStatus;

import cn.league.importing.template.Template;
import cn.league.support.problem.ProblemException;

/** The refusals of a file as a whole, with the words users read. Nothing of such a file is imported. */
public final class ImportProblems {

    private ImportProblems() {
    }

    public static ProblemException notASpreadsheet() {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "NOT_A_SPREADSHEET", "R-IMP-1",
                "文件不是 Excel 表格(.xls 或 .xlsx),请下载模板填写后上传");
    }

    public static ProblemException unreadable() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "SPREADSHEET_UNREADABLE", "R-IMP-1",
                "Excel 表格已损坏或无法读取,请用 Excel 或 WPS 打开后重新保存再上传");
    }

    public static ProblemException encrypted() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "SPREADSHEET_ENCRYPTED", "R-IMP-1",
                "Excel 表格设置了密码,请取消密码保护后重新上传");
    }

    public static ProblemException tooLargeInside() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "SPREADSHEET_TOO_LARGE_INSIDE", "R-IMP-1",
                "Excel 表格内容过大或结构异常,无法导入,请下载模板重新填写");
    }

    public static ProblemException unsafe() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "SPREADSHEET_UNSAFE", "R-IMP-1",
                "Excel 表格含有不允许的内容(外部实体或宏定义),无法导入,请下载模板重新填写");
    }

    public static ProblemException mixedUp() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "TEMPLATE_MIXED_UP", "R-IMP-1", Template.MIXED_UP);
    }

    public static ProblemException notATemplate() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "TEMPLATE_UNRECOGNIZED", "R-IMP-1",
                "表格不是导入模板或表头被修改,请下载模板填写后上传");
    }

    public static ProblemException noRows() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "NO_ROWS", "R-IMP-1", "表格中没有要导入的数据");
    }

    public static ProblemException tooManyRows(int max) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "TOO_MANY_ROWS", "R-IMP-1",
                "每个文件最多导入 " + max + " 行,请拆分为多个文件后上传");
    }

    public static ProblemException tooManyColumns(int max) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "TOO_MANY_COLUMNS", "R-IMP-1",
                "表格列数过多(最多 " + max + " 列),请下载模板重新填写");
    }
}
