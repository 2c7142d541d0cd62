package cn.league.importing.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 所在团支部 of the subordinate template to an org id, under the uploading org, from this service's copy of the org
 * tree: the org's id as digits, or the full name of an org in the uploading org's subtree. A name two orgs share
 * there is ambiguous (the row must give the id). Whether the org is a branch and within the uploader's scope is
 * member-service's rule (R-MEM-1, R-SCOPE-1). Answers are kept for the job: a file names few branches many times.
 */
final class Branches {

    static final String BY_NAME = """
            select id from org_replica.org
             where full_name = ? and ? = any (cast(string_to_array(path, '.') as bigint[]))
             limit 2""";
    private static final String BY_ID = """
            select id from org_replica.org
             where id = ? and ? = any (cast(string_to_array(path, '.') as bigint[]))""";

    /** An org id, or why there is none. */
    record Found(Long orgId, String fault) {
    }

    private final JdbcClient jdbc;
    private final long uploadingOrg;
    private final Map<String, Found> known = new HashMap<>();

    Branches(JdbcClient jdbc, long uploadingOrg) {
        this.jdbc = jdbc;
        this.uploadingOrg = uploadingOrg;
    }

    Found find(String branch) {
        return known.computeIfAbsent(branch, this::lookUp);
    }

    private Found lookUp(String branch) {
        List<Long> ids = branch.chars().allMatch(Character::isDigit) && branch.length() < 19
                ? jdbc.sql(BY_ID).params(Long.parseLong(branch), uploadingOrg).query(Long.class).list()
                : jdbc.sql(BY_NAME).params(branch, uploadingOrg).query(Long.class).list();
        if (ids.isEmpty()) {
            return new Found(null, "本组织下没有名为“" + branch + "”的团支部,请填写团支部全称");
        }
        if (ids.size() > 1) {
            return new Found(null, "本组织下有多个名为“" + branch + "”的团组织,请改填该团支部的组织ID");
        }
        return new Found(ids.getFirst(), null);
    }
}
