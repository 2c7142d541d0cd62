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
}
