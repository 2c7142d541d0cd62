package cn.league.member.account.reset;

import java.time.Instant;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.member.scope.MemberScope;
import cn.league.support.problem.ProblemException;

/** 分配密码重置验证码 in the member list (R-AUTH-3), by an admin over the person (R-SCOPE-1). */
@Service
public class ResetCodes {

    private final PersonStore people;
    private final MemberScope scope;
    private final ResetCodeStore codes;

    ResetCodes(PersonStore people, MemberScope scope, ResetCodeStore codes) {
        this.people = people;
        this.scope = scope;
        this.codes = codes;
    }

    /** A new code for the person, shown this once; their older code stops working. */
    @Transactional
    public Issued issue(String caller, String idNumber, Instant now) {
        String canonical = idNumber.strip().toUpperCase(Locale.ROOT);
        Person person = people.find(canonical).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "PERSON_NOT_FOUND", null, "人员不存在"));
        if (!scope.mayActOnPerson(caller, person.idNumber())) {
            throw MemberScope.outOfScope();
        }
        String code = ResetCode.random();
        Instant expiresAt = now.plus(ResetCode.VALIDITY);
        codes.issue(person.idNumber(), ResetCode.hash(person.idNumber(), code), caller, now, expiresAt);
        return new Issued(person.idNumber(), person.name(), code, expiresAt);
    }

    public record Issued(String idNumber, String name, String resetCode, Instant expiresAt) {
    }
}
