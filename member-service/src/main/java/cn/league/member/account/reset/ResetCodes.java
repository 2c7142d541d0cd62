package cn.league.member.account.reset;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.ResetCodeIssued;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.member.scope.MemberScope;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * 分配密码重置验证码 in the member list (R-AUTH-3): by an admin of the person's org or of its direct parent — FAQ 14
 * names these two, so an admin higher up, who sees the person (R-SCOPE-1), still does not issue their codes. The
 * admins of the person's orgs are told (ResetCodeIssued, the operation centre's message; never the code).
 */
@Service
public class ResetCodes {

    private final PersonStore people;
    private final MemberScope scope;
    private final OrgTree tree;
    private final ResetCodeStore codes;
    private final Outbox outbox;

    ResetCodes(PersonStore people, MemberScope scope, OrgTree tree, ResetCodeStore codes, Outbox outbox) {
        this.people = people;
        this.scope = scope;
        this.tree = tree;
        this.codes = codes;
        this.outbox = outbox;
    }

    /** A new code for the person, shown this once; their older code stops working. */
    @Transactional
    public Issued issue(String caller, String idNumber, Instant now) {
        String canonical = idNumber.strip().toUpperCase(Locale.ROOT);
        Person person = people.find(canonical).orElseThrow(MemberScope::personNotFound);
        scope.requireVisiblePerson(caller, person.idNumber());
        Set<Long> administered = tree.administeredBy(caller);
        List<Long> orgs = scope.orgsOf(person.idNumber());
        if (orgs.stream()
                .noneMatch(org -> administered.contains(org) || tree.mayActAsParentOf(caller, org))) {
            throw notOwnOrParentAdmin();
        }
        String code = ResetCode.random();
        Instant expiresAt = now.plus(ResetCode.VALIDITY);
        codes.issue(person.idNumber(), ResetCode.hash(person.idNumber(), code), caller, now, expiresAt);
        outbox.publish(Topics.MEMBER_EVENTS, new ResetCodeIssued(person.idNumber(), person.name(),
                orgs.stream().sorted().toList(), caller, expiresAt), person.idNumber(), null);
        return new Issued(person.idNumber(), person.name(), code, expiresAt);
    }

    private static ProblemException notOwnOrParentAdmin() {
        return new ProblemException(HttpStatus.FORBIDDEN, "RESET_CODE_NOT_YOUR_MEMBER", "R-AUTH-3",
                "只有该成员所在组织或其上级组织的管理员可以分配密码重置验证码");
    }

    public record Issued(String idNumber, String name, String resetCode, Instant expiresAt) {
    }
}
