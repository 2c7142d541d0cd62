package cn.league.member.account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keycloak's user-storage extension looks people up here by ID number (R-AUTH-2). Internal: only service accounts
 * with the realm role {@code league-account-lookup} get in (shared service security), and the gateway does not route
 * {@code /internal/**}. Read-only; an unknown ID number is an answer ({@code exists=false}), not an error.
 */
@RestController
class AccountController {

    private final AccountStore accounts;

    AccountController(AccountStore accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/internal/accounts/{idNumber}")
    Account account(@PathVariable String idNumber) {
        return accounts.find(idNumber);
    }
}
