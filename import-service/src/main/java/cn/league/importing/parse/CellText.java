package cn.league.importing.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * What real files hold, made plain: blanks around and inside values (spaces, full-width spaces, no-break and
 * zero-width spaces), full-width digits and letters (１２３, ｘ), and dates written in the ways people write them
 * or stored as Excel serial numbers.
 */
public final class CellText {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(\\.\\d+)?");
    private static final Pattern DATE_TIME = Pattern.compile("(.+?)[ T]\\d{1,2}:\\d{2}(:\\d{2})?(\\.\\d+)?");

    private CellText() {
    }

    /** Without blanks around it; never null. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && blank(raw.charAt(start))) {
            start++;
        }
        while (end > start && blank(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    /**
     * For numbers and codes (ID numbers, dates, development numbers, phones, e-mail): full-width ASCII folded to
     * ASCII, every blank removed, a final lower-case x of an ID upper-cased by the caller as it needs.
     */
    public static String code(String raw) {
        String value = clean(raw);
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!blank(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An ID number as the rules read it: a code, upper case (a lower-case x is common). */
    public static String idNumber(String raw) {
        return code(raw).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A date: 2015-05-04, 2015/5/4, 2015.5.4, 2015年5月4日, 20150504, with a time after it, or an Excel serial
     * number (a date cell whose format was lost). Empty for a blank cell.
     *
     * @throws DateTimeException when it cannot be read as a date
     */
    public static Optional<LocalDate> date(String raw) {
        String cleaned = clean(raw);
        Matcher withTime = DATE_TIME.matcher(cleaned);
        String value = code(withTime.matches() ? withTime.group(1) : cleaned)
                .replace("年", "-").replace("月", "-").replace("日", "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher date = DATE.matcher(value);
            if (date.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3))));
            }
            Matcher compact = COMPACT_DATE.matcher(value);
            if (compact.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(compact.group(1)),
                        Integer.parseInt(compact.group(2)), Integer.parseInt(compact.group(3))));
            }
            if (SERIAL.matcher(value).matches() && DateUtil.isValidExcelDate(Double.parseDouble(value))) {
                return Optional.of(DateUtil.getLocalDateTime(Double.parseDouble(value)).toLocalDate());
            }
        } catch (DateTimeException impossible) {
            throw new DateTimeException("not a date: " + value);
        }
        throw new DateTimeException("not a date: " + value);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || c == '\u200B';
    }
}
