package cn.league.stats.opscentre;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.league.contracts.member.MemberEvents.ResetCodeIssued;

/**
 * R-AUTH-3 and R-OPS-1: the message to the admins of a person's orgs when a reset code was issued for them — who
 * it was for, who issued it and until when it works (Beijing time); never the code.
 */
final class ResetCodeNotice {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ResetCodeNotice() {
    }

    static String text(ResetCodeIssued issued) {
        return "管理员(" + issued.issuedBy() + ")已为 " + issued.name() + "(" + issued.idNumber()
                + ")分配密码重置验证码,有效期至 " + UNTIL.format(issued.expiresAt());
    }
}
