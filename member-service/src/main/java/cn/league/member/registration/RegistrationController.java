package cn.league.member.registration;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.support.security.Caller;

@Tag(name = "团员团干部注册", description = "本人申请加入组织，组织管理员审核 (R-AUTH-4)")
@RestController
class RegistrationController {

    private final SelfRegistration registration;

    RegistrationController(SelfRegistration registration) {
        this.registration = registration;
    }

    /** 团员团干部注册: the caller asks to join an org. */
    @Operation(summary = "团员团干部注册：申请加入组织 (R-AUTH-4)")
    @PostMapping("/api/members/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    View request(JwtAuthenticationToken token, @Valid @RequestBody RegistrationRequest request) {
        return view(registration.request(Caller.of(token).idNumber(), request));
    }

    /** The caller's own requests, newest first; pass the last id seen as {@code before}. */
    @Operation(summary = "我的注册申请 (R-AUTH-4)")
    @GetMapping("/api/members/registrations/mine")
    Page mine(JwtAuthenticationToken token, @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<View> items = registration.mine(Caller.of(token).idNumber(), before, size).stream().map(this::view).toList();
        return new Page(items, items.size() == size ? items.getLast().id() : null);
    }

    @Operation(summary = "查看注册申请 (R-AUTH-4)")
    @GetMapping("/api/members/registrations/{id}")
    View show(JwtAuthenticationToken token, @PathVariable long id) {
        return view(registration.show(Caller.of(token).idNumber(), id));
    }

    @Operation(summary = "通过注册申请 (R-AUTH-4, R-SCOPE-1)")
    @PostMapping("/api/members/registrations/{id}/approval")
    View approve(JwtAuthenticationToken token, @PathVariable long id) {
        return view(registration.approve(Caller.of(token).idNumber(), id));
    }

    @Operation(summary = "退回注册申请 (R-AUTH-4, R-SCOPE-1)")
    @PostMapping("/api/members/registrations/{id}/rejection")
    View reject(JwtAuthenticationToken token, @PathVariable long id, @RequestBody Rejection rejection) {
        return view(registration.reject(Caller.of(token).idNumber(), id, rejection.reason()));
    }

    /** 撤销申请. */
    @Operation(summary = "撤销注册申请 (R-AUTH-4)")
    @PostMapping("/api/members/registrations/{id}/withdrawal")
    View withdraw(JwtAuthenticationToken token, @PathVariable long id) {
        return view(registration.withdraw(Caller.of(token).idNumber(), id));
    }

    /** Pending requests into the org and below, oldest first; pass the last id seen as {@code after}. */
    @Operation(summary = "待审核的注册申请 (R-AUTH-4, R-OPS-1)")
    @GetMapping("/api/members/orgs/{orgId}/registrations")
    Page pending(JwtAuthenticationToken token, @PathVariable long orgId, @RequestParam(defaultValue = "0") long after,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<View> items = registration.pendingUnder(Caller.of(token).idNumber(), orgId, after, size).stream()
                .map(this::view).toList();
        return new Page(items, items.size() == size ? items.getLast().id() : null);
    }

    /** With the org's full name: the applicant may not read the org itself. */
    private View view(Registration found) {
        return View.of(found, registration.orgName(found.orgId()));
    }

    record Rejection(String reason) {
    }

    record View(long id, String idNumber, String name, long orgId, String orgName, RegistrationKind kind,
                String postTitle, Registration.State state, Instant requestedAt, Instant expiresAt, Instant closedAt,
                String closedBy, String reason) {

        static View of(Registration registration, String orgName) {
            return new View(registration.id(), registration.idNumber(), registration.profile().name(),
                    registration.orgId(), orgName, registration.kind(), registration.postTitle(), registration.state(),
                    registration.requestedAt(), RegistrationDeadline.expiresAt(registration.requestedAt()),
                    registration.closedAt(), registration.closedBy(), registration.reason());
        }
    }

    record Page(List<View> items, Long next) {
    }
}
