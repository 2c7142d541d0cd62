package cn.league.member.person;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * R-AUTH-5: an ID number exists once in the whole system. Entering, registering or changing to one that is taken
 * fails with the same words wherever its holder is, so the admin who tried learns nothing of another org.
 */
public final class IdNumberOnceRule {

    private IdNumberOnceRule() {
    }

    public static ProblemException refusal() {
        return new ProblemException(HttpStatus.CONFLICT, "ID_ALREADY_REGISTERED", "R-AUTH-5", "身份证已注册");
    }

    /**
     * To someone registering their own ID number (团员团干部注册, FAQ 3): FAQ 21's answer, how to get in with the
     * account that exists. The same words whoever holds it and wherever, so it tells nothing of any org.
     */
    public static ProblemException refusalToRegistrant() {
        return new ProblemException(HttpStatus.CONFLICT, "ID_ALREADY_REGISTERED", "R-AUTH-5",
                "身份证已注册,说明该账号已经注册到系统内,无需再次注册。请用身份证号码登录(组织添加的成员初始密码为"
                        + "身份证后八位),进入系统后查看自己目前在哪个团组织;如果不是自己应在的团组织,可主动发起"
                        + "“组织关系转接”转入正确的团组织");
    }
}
