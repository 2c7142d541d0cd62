package cn.league.org.search;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.support.problem.ProblemException;

/**
 * 团员团干部注册 without a login (R-AUTH-4, FAQ 3) needs its org: this public search finds it by full name and tells
 * only its id and full name. Only orgs that take the registration are listed — a member's branch (团支部, R-MEM-1), or
 * for a cadre a 团委, 团工委, 团总支 or 团支部 (member-service's RegistrationTargetRule decides the same) — never the
 * leading bodies or the system's own orgs. At least {@link #MIN_LENGTH} characters; one page of at most
 * {@link #LIMIT}, the exact name first, then the shortest names: the way to one's org is to type its full name, not to
 * page through the tree (docs/security.md, public org search).
 */
@Service
public class RegistrationTargets {

    static final int MIN_LENGTH = 2;
    static final int LIMIT = 20;

    private final JdbcClient jdbc;

    RegistrationTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Target> byFullName(String name, RegistrationKind kind) {
        String term = name == null ? "" : name.strip();
        if (term.length() < MIN_LENGTH) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "SEARCH_TERM_TOO_SHORT", "R-AUTH-4",
                    "请输入组织全称(至少 2 个字)");
        }
        String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = term.length() < 3 ? escaped + "%" : "%" + escaped + "%";
        List<String> types = kind == RegistrationKind.MEMBER ? List.of("BRANCH")
                : List.of("COMMITTEE", "WORK_COMMITTEE", "GENERAL_BRANCH", "BRANCH");
        return jdbc.sql("""
                        select id, full_name from org
                         where full_name like :pattern and type in (:types)
                         order by full_name = :term desc, length(full_name), id
                         limit :limit""")
                .param("pattern", pattern).param("types", types).param("term", term).param("limit", LIMIT)
                .query((row, n) -> new Target(row.getLong("id"), row.getString("full_name")))
                .list();
    }

    /** All a registration form needs of an org: nothing of its admins, people, place in the tree or contacts. */
    public record Target(long id, String fullName) {
    }
}
