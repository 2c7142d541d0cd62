package cn.league.member.account.reset;

import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.member.account.KeycloakAccounts;
import cn.league.member.account.captcha.Captchas;
import cn.league.member.person.PersonStore;

/**
 * 忘记密码 (R-AUTH-3, FAQ 14): ID number, new password, reset code and captcha. The captcha is checked (and used
 * up) first, so nobody learns anything about a code without solving one. The code is used up only when Keycloak has
 * taken the new password: a refused password (the realm's policy) leaves the code as it was.
 */
@Service
public class PasswordReset {

    private final Captchas captchas;
    private final ResetCodeStore codes;
    private final PersonStore people;
    private final KeycloakAccounts accounts;
    private final TransactionTemplate transaction;

    PasswordReset(Captchas captchas, ResetCodeStore codes, PersonStore people, KeycloakAccounts accounts,
                  PlatformTransactionManager transactions) {
        this.captchas = captchas;
        this.codes = codes;
        this.people = people;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void reset(ResetRequest request, Instant now) {
        captchas.requireSolved(request.captchaId(), request.captchaAnswer(), now);
        String idNumber = request.idNumber().strip().toUpperCase(Locale.ROOT);
        transaction.executeWithoutResult(status -> {
            // a deleted person's code opens nothing (R-MEM-8); told apart from a wrong code to nobody
            ResetCodeRule.StoredResetCode stored = people.find(idNumber).isPresent()
                    ? codes.lock(idNumber).orElse(null) : null;
            ResetCodeRule.checkRedeemable(stored, ResetCode.hash(idNumber, request.resetCode()), now);
            accounts.setPassword(idNumber, request.newPassword());
            codes.markUsed(idNumber, now);
        });
    }
}
