package cn.league.member.search;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * R-SRCH-1: how a typed name is matched. Chinese names are two to four characters, so:
 * <ul>
 * <li>one or two characters (a surname, or a two-character full name such as 张伟) match as a prefix — the
 * full name first, then longer names starting with it — through the ordered btree on the name, which also
 * gives the page order for free. pg_trgm cannot help here: a pattern of fewer than three characters yields
 * no trigram, and a trigram index scan would read every entry;</li>
 * <li>three or more characters match anywhere in the name ({@code LIKE '%…%'}) through the trigram GIN
 * index, so 小明明 finds 王小明明 too; such patterns are selective enough to sort what they find.</li>
 * </ul>
 * Similarity ({@code %}) is not used: on names this short one character more or less crosses any threshold,
 * and admins expect the people whose name they typed, not look-alikes.
 */
public record NameQuery(String text, boolean anywhere) {

    static final int MAX_LENGTH = 50;

    public static NameQuery of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "SEARCH_TERM_REQUIRED", "R-SRCH-1",
                    "请输入身份证号码或姓名");
        }
        return new NameQuery(text, text.codePointCount(0, text.length()) >= 3);
    }

    /** For a match anywhere: the LIKE pattern, with the query's own wildcards escaped. */
    public String pattern() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * For a prefix match: names from {@code text} (inclusive) to {@link #prefixEnd()} (exclusive) in code point
     * order (collation "C") are exactly the names starting with it. A range, unlike {@code LIKE ?}, keeps using
     * the index when PostgreSQL reuses a generic plan for the prepared statement.
     */
    public String prefixEnd() {
        int last = text.codePointBefore(text.length());
        return text.substring(0, text.length() - Character.charCount(last)) + Character.toString(last + 1);
    }
}
