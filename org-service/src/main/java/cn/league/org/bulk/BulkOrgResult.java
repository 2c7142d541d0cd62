package cn.league.org.bulk;

import java.util.List;

/**
 * What a bulk creation did: how many orgs it created, how many rows named an org that was there already (a second
 * run of the same request), and each row's org id in the order sent.
 */
public record BulkOrgResult(int created, int existing, List<Row> rows) {

    /** @param created false when the parent already had a child of this full name, which the row now names */
    public record Row(int row, long id, boolean created) {
    }
}
