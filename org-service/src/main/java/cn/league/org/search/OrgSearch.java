package cn.league.org.search;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.league.contracts.org.OrgType;
import cn.league.org.scope.Scope;
import cn.league.support.problem.ProblemException;
import cn.league.support.security.ActiveOrg;

/**
 * R-SRCH-1: global search for orgs by full name, limited to the subtrees the caller administers
 * (R-SCOPE-1) — an org outside them is simply not found. A name of one or two characters matches the start
 * of full names; longer ones match anywhere (trigram index). Pages in id order.
 */
@Service
public class OrgSearch {

    private final JdbcClient jdbc;

    public OrgSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Hit> byFullName(String caller, String name, long afterId, int limit) {
        String term = name == null ? "" : name.strip();
        if (term.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "SEARCH_TERM_REQUIRED", "R-SRCH-1", "请输入组织名称");
        }
        String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = term.length() < 3 ? escaped + "%" : "%" + escaped + "%";
        return jdbc.sql("""
                        select o.id, o.full_name, o.type, o.path::text as path, o.province_code
                        from org o
                        where o.full_name like :pattern
                          and o.id > :after
                          and exists (select 1 from org_admin a join org administered on administered.id = a.org_id
                                      where a.id_number = :caller and administered.path @> o.path
                                        and (:active = 0 or a.org_id = :active))
                        order by o.id
                        limit :limit""")
                .param("pattern", pattern).param("after", afterId).param("limit", limit)
                .param("caller", Scope.normalised(caller))
                .param("active", ActiveOrg.current().orElse(0L))
                .query((row, n) -> new Hit(row.getLong("id"), row.getString("full_name"),
                        OrgType.valueOf(row.getString("type")), row.getString("path"), row.getString("province_code")))
                .list();
    }

    /** An org found, with where it is in the tree. */
    public record Hit(long id, String fullName, OrgType type, String path, String provinceCode) {
    }
}
