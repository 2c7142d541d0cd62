package cn.league.member.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.league.member.entry.EntryViolation;

/**
 * R-IMP-3: duplicates inside one file fail — every row whose ID number, or whose development number, appears in
 * another row of the same batch is refused, the first occurrence too, naming the other rows. Keys compare as the
 * rules read them: the ID number without blanks and in upper case, the development number without blanks.
 */
public final class BatchDuplicates {

    public static final String RULE = "R-IMP-3";

    private BatchDuplicates() {
    }

    /**
     * @param rowNumbers         each row's number in the file
     * @param idNumbers          each row's ID number as entered (null or blank: none)
     * @param developmentNumbers each row's development number as entered (null or blank: none)
     * @return the violations of each row that has any, by row index
     */
    public static Map<Integer, List<EntryViolation>> find(int[] rowNumbers, List<String> idNumbers,
                                                          List<String> developmentNumbers) {
        Map<Integer, List<EntryViolation>> found = new HashMap<>();
        mark(found, rowNumbers, group(idNumbers, true), "DUPLICATE_ID_IN_FILE", "身份证号在本文件中重复");
        mark(found, rowNumbers, group(developmentNumbers, false), "DUPLICATE_DEVELOPMENT_NUMBER_IN_FILE",
                "发展团员编号在本文件中重复");
        return found;
    }

    private static Map<String, List<Integer>> group(List<String> values, boolean upperCase) {
        Map<String, List<Integer>> rows = new HashMap<>(values.size() * 2);
        for (int i = 0; i < values.size(); i++) {
            String key = key(values.get(i), upperCase);
            if (key != null) {
                rows.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            }
        }
        return rows;
    }

    private static void mark(Map<Integer, List<EntryViolation>> found, int[] rowNumbers,
                             Map<String, List<Integer>> groups, String code, String message) {
        for (List<Integer> rows : groups.values()) {
            if (rows.size() < 2) {
                continue;
            }
            for (int row : rows) {
                String others = rows.stream().filter(other -> other != row)
                        .map(other -> String.valueOf(rowNumbers[other])).collect(Collectors.joining("、"));
                found.computeIfAbsent(row, r -> new ArrayList<>(2))
                        .add(new EntryViolation(code, RULE, message + "(与第" + others + "行相同)"));
            }
        }
    }

    /** The value without surrounding blanks (as spreadsheet cells carry them), or null when blank. */
    static String key(String raw, boolean upperCase) {
        if (raw == null) {
            return null;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(raw.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        String value = raw.substring(start, end);
        return upperCase ? value.toUpperCase(java.util.Locale.ROOT) : value;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
    }
}
