package cn.league.member.account.signup;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.account.KeycloakAccounts;
import cn.league.member.account.captcha.Captchas;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.person.IdNumberOnceRule;
import cn.league.member.registration.Registration;
import cn.league.member.registration.RegistrationDeadline;
import cn.league.member.registration.RegistrationRequest;
import cn.league.member.registration.SelfRegistration;

/**
 * 团员团干部注册 by someone no admin has added (R-AUTH-4, FAQ 3), without a login: captcha first, then the ID number
 * (R-ID-4), the org and what is asked of it, and that the ID number is not registered yet (R-AUTH-5, FAQ 21's answer).
 * Then, in this order, each step undone if a later one fails:
 * <ol>
 *   <li>the account is claimed here, unfinished, which lets Keycloak's lookup find the person;</li>
 *   <li>Keycloak sets their password (its password policy decides: a refusal comes back in this system's words);</li>
 *   <li>one transaction finishes the account and stores the pending request with its RegistrationRequested event.</li>
 * </ol>
 * A failure at 2 or 3 gives the unfinished account up and leaves no request; Keycloak drops the login it imported at its
 * next lookup. Should the service stop between the steps, the unfinished account stops counting after
 * {@link NewAccountRule#UNFINISHED_FOR} and the person's next try takes it over. The person logs in at once with their
 * password and sees the request; the org's admin approves it as any other (SelfRegistration).
 */
@Service
public class MemberSignUp {

    private final Captchas captchas;
    private final IdNumberRule idNumbers;
    private final NewAccounts accounts;
    private final KeycloakAccounts keycloak;
    private final SelfRegistration registrations;
    private final TransactionTemplate transaction;

    MemberSignUp(Captchas captchas, IdNumberRule idNumbers, NewAccounts accounts, KeycloakAccounts keycloak,
                 SelfRegistration registrations, PlatformTransactionManager transactions) {
        this.captchas = captchas;
        this.idNumbers = idNumbers;
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.registrations = registrations;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Registered register(MemberSignUpForm form, Instant now) {
        captchas.requireSolved(form.captchaId(), form.captchaAnswer(), now);
        IdNumber id = idNumbers.require(form.idNumber());
        String mobile = NewAccountRule.requireMobile(form.mobile());
        RegistrationRequest request = form.request(mobile);
        OrgSnapshot org = registrations.check(request);
        if (!accounts.claim(id.value(), form.name().strip(), mobile, now)) {
            throw IdNumberOnceRule.refusalToRegistrant();
        }
        try {
            keycloak.setPassword(id.value(), form.password());
            Registration registration = transaction.execute(status -> {
                accounts.confirm(id.value(), now);
                return registrations.request(id.value(), request);
            });
            return new Registered(id.value(), registration.id(), org.id(), org.fullName(), registration.kind(),
                    RegistrationDeadline.expiresAt(registration.requestedAt()));
        } catch (RuntimeException failed) {
            accounts.release(id.value());
            throw failed;
        }
    }

    /** The new account's login name and the pending request: the org's admin decides by {@code expiresAt}. */
    public record Registered(String idNumber, long registrationId, long orgId, String orgName, RegistrationKind kind,
                             Instant expiresAt) {
    }
}
