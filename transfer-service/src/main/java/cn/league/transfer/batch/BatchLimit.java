package cn.league.transfer.batch;

import java.util.List;

import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferRefusal.Kind;

/** R-TR-4 (FAQ 23 (1)): a batch transfer (批量转接) moves at least one and at most 30 people at once. */
public final class BatchLimit {

    public static final int MAX_PEOPLE = 30;

    private BatchLimit() {
    }

    public static void check(List<String> idNumbers) {
        if (idNumbers == null || idNumbers.isEmpty()) {
            throw new TransferRefusal(Kind.INVALID, "BATCH_EMPTY", "R-TR-4", "请选择转出的成员");
        }
        if (idNumbers.size() > MAX_PEOPLE) {
            throw new TransferRefusal(Kind.INVALID, "BATCH_TOO_LARGE", "R-TR-4",
                    "组织关系批量转接一次最多转接" + MAX_PEOPLE + "人,本次选择了" + idNumbers.size() + "人");
        }
    }
}
