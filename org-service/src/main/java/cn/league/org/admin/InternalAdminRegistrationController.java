package cn.league.org.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.tree.Org;

/**
 * 管理员注册 of a person who has no account yet (R-ADM-3, R-AUTH-4): member-service's public form checks the
 * captcha, the ID number (R-ID-4) and that it is new (R-AUTH-5), then redeems the code here, on the person's behalf,
 * with its service account. The person is made from AdminRegistered (an account made, R-AUTH-2).
 */
@RestController
class InternalAdminRegistrationController {

    private final AdminRegistration registration;

    InternalAdminRegistrationController(AdminRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/internal/orgs/admin-registrations")
    @ResponseStatus(HttpStatus.CREATED)
    AdminController.Registered register(@Valid @RequestBody OnBehalf request) {
        AdminRegistrationRequest form = new AdminRegistrationRequest(request.code(), request.name(),
                request.postTitle());
        Org org = registration.register(request.idNumber(), form);
        return new AdminController.Registered(org.id(), org.fullName(), org.shortName(), org.type(),
                form.postTitle().strip());
    }

    record OnBehalf(@NotBlank @Pattern(regexp = "[0-9]{17}[0-9Xx]") String idNumber,
                    @NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 50) String name,
                    @NotBlank @Size(max = 20) String postTitle) {
    }
}
