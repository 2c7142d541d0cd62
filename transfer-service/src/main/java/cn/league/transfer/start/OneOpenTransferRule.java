package cn.league.transfer.start;

import cn.league.transfer.Initiator;
import cn.league.transfer.Transfer;
import cn.league.transfer.TransferRefusal;
import cn.league.transfer.TransferRefusal.Kind;

/**
 * R-TR-1 (FAQ 72): a member has at most one open transfer; a second is refused with the FAQ's words and says who
 * started the open one. The partial unique index {@code transfer_one_open} decides; this only words the answer.
 */
final class OneOpenTransferRule {

    private OneOpenTransferRule() {
    }

    static TransferRefusal refusal(Transfer open) {
        String who = open == null ? "" : ",发起方:" + describe(open.initiator()) + "(转接编号 " + open.id() + ")";
        return new TransferRefusal(Kind.CONFLICT, "TRANSFER_ALREADY_OPEN", "R-TR-1", "已有业务正在办理,不能重复发起" + who);
    }

    static String describe(Initiator initiator) {
        return switch (initiator) {
            case MEMBER -> "团员本人";
            case OUT_SIDE_ADMIN -> "转出方管理员";
            case IN_SIDE_ADMIN -> "转入方管理员";
            case COMMITTEE_ADMIN -> "团委管理员";
        };
    }
}
