package cn.league.member.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * Where a page of name hits ended (keyset paging in name order). It holds the person's internal search key,
 * never their ID number, so a cursor passed around (a link, a log line) names nobody.
 */
public record SearchCursor(String name, long searchKey) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((searchKey + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor the client passed back, or null for the first page. */
    public static SearchCursor decode(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new SearchCursor(text.substring(colon + 1), Long.parseLong(text.substring(0, colon)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException broken) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "BAD_CURSOR", "R-SRCH-1", "翻页参数无效,请重新搜索");
        }
    }
}
