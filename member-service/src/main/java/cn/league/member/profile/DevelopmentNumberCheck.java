package cn.league.member.profile;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * The plain part of R-MEM-5 a correction (R-MEM-7) must pass: 12 digits, starting with the join year
 * (2017 or 2018 for joins in those two years). The segment check and the rest of the entry rules live
 * with the entry rules; uniqueness is the database's unique index.
 */
public final class DevelopmentNumberCheck {

    static final int LENGTH = 12;

    private DevelopmentNumberCheck() {
    }

    /**
     * @param number   the number to store, already stripped; null or empty for none
     * @param required whether R-MEM-5 requires one for this person
     */
    public static void check(String number, LocalDate joinDate, boolean required) {
        if (number == null || number.isEmpty()) {
            if (required) {
                throw refused("DEVELOPMENT_NUMBER_REQUIRED", "2017年1月1日以后入团的团员须准确填入发展团员编号");
            }
            return;
        }
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                throw refused("DEVELOPMENT_NUMBER_FORMAT", "发展团员编号填写有误(格式不对)");
            }
        }
        if (number.length() != LENGTH) {
            throw refused("DEVELOPMENT_NUMBER_LENGTH", "发展团员编号位数不对");
        }
        if (joinDate != null && !yearFits(Integer.parseInt(number.substring(0, 4)), joinDate.getYear())) {
            throw refused("DEVELOPMENT_NUMBER_YEAR", "发展团员编号前四位年份与入团时间不一致");
        }
    }

    private static boolean yearFits(int numberYear, int joinYear) {
        boolean early = joinYear == 2017 || joinYear == 2018;
        return early ? numberYear == 2017 || numberYear == 2018 : numberYear == joinYear;
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "R-MEM-5", detail);
    }
}
