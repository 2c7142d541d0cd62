package cn.league.member.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;

@Tag(name = "个人资料", description = "我的资料，查看和修改人员信息 (R-MEM-6, R-MEM-7)")
@RestController
class ProfileController {

    private final PersonProfiles profiles;
    private final IncompletePeople incomplete;

    ProfileController(PersonProfiles profiles, IncompletePeople incomplete) {
        this.profiles = profiles;
        this.incomplete = incomplete;
    }

    /** The caller's own profile; {@code /api/members/me} itself tells who the token names (shared support). */
    @Operation(summary = "我的资料 (R-SCOPE-3)")
    @GetMapping("/api/members/me/profile")
    Profile mine(JwtAuthenticationToken token) {
        String caller = Caller.of(token).idNumber();
        return profiles.read(caller, caller);
    }

    @Operation(summary = "查看个人资料 (R-SCOPE-1, R-SCOPE-3)")
    @GetMapping("/api/members/people/{idNumber}")
    Profile read(JwtAuthenticationToken token, @PathVariable String idNumber) {
        return profiles.read(Caller.of(token).idNumber(), idNumber);
    }

    @Operation(summary = "修改个人资料 (R-MEM-7, R-MEM-6)")
    @PutMapping("/api/members/people/{idNumber}")
    Profile edit(JwtAuthenticationToken token, @PathVariable String idNumber, @Valid @RequestBody ProfileEdit edit) {
        return profiles.edit(Caller.of(token).idNumber(), idNumber, edit);
    }

    /** R-MEM-7: correcting 发展团员编号. */
    @Operation(summary = "更正发展团员编号 (R-MEM-7, R-MEM-5)")
    @PutMapping("/api/members/people/{idNumber}/development-number")
    Profile developmentNumber(JwtAuthenticationToken token, @PathVariable String idNumber,
                              @Valid @RequestBody DevelopmentNumber body) {
        return profiles.correctDevelopmentNumber(Caller.of(token).idNumber(), idNumber, body.developmentNumber());
    }

    /** R-STAT-3: the org's people whose info is incomplete, page by page (pass {@code nextAfter} as {@code after}). */
    @Operation(summary = "信息不完整的人员 (R-STAT-3, R-MEM-6)")
    @GetMapping("/api/members/orgs/{orgId}/incomplete-people")
    IncompletePeople.Page incompletePeople(JwtAuthenticationToken token, @PathVariable long orgId,
                                           @RequestParam(defaultValue = "") String after,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return incomplete.page(Caller.of(token).idNumber(), orgId, after, size);
    }

    record DevelopmentNumber(@Size(max = 20) String developmentNumber) {
    }
}
