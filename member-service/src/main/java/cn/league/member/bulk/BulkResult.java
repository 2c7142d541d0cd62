package cn.league.member.bulk;

import java.util.List;

/**
 * A batch's result (R-IMP-2): one outcome per row in the order sent, the counts, and the summary users read.
 */
public record BulkResult(int imported, int alreadyImported, int refused, String summary, List<RowOutcome> rows) {

    static BulkResult of(List<RowOutcome> rows) {
        int imported = 0;
        int already = 0;
        int refused = 0;
        for (RowOutcome row : rows) {
            switch (row.status()) {
                case IMPORTED -> imported++;
                case ALREADY_IMPORTED -> already++;
                case REFUSED -> refused++;
            }
        }
        return new BulkResult(imported, already, refused,
                "成功导入 " + imported + " 位团员, " + refused + " 位团员导入失败", rows);
    }
}
