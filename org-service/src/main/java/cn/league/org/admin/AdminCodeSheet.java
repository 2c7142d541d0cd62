package cn.league.org.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The downloadable list of codes for all direct children (R-ADM-3): 组织全称, 组织简称, 管理员注册码, 有效期至. */
final class AdminCodeSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("组织全称", "组织简称", "管理员注册码", "有效期至");

    private static final DateTimeFormatter VALID_UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private AdminCodeSheet() {
    }

    static byte[] of(List<IssuedAdminCode> codes) {
        // streaming workbook: a county may have thousands of direct branches
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("管理员注册码");
            write(sheet.createRow(0), HEADER);
            int rowNumber = 1;
            for (IssuedAdminCode code : codes) {
                write(sheet.createRow(rowNumber++), List.of(code.fullName(), code.shortName(), code.code(),
                        VALID_UNTIL.format(code.expiresAt())));
            }
            int[] widths = {40, 24, 18, 18};
            for (int column = 0; column < widths.length; column++) {
                sheet.setColumnWidth(column, widths[column] * 256);
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int column = 0; column < values.size(); column++) {
            row.createCell(column).setCellValue(values.get(column));
        }
    }
}
