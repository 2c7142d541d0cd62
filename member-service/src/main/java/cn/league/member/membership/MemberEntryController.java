package cn.league.member.membership;

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

import java.util.List;

import cn.league.member.membership.MembershipStore.OrgPerson;
import cn.league.member.person.Person;
import cn.league.member.scope.MemberScope;
import cn.league.support.security.Caller;

@Tag(name = "团员管理", description = "录入团员和团干部，本组织人员列表 (R-MEM-1 至 R-MEM-5)")
@RestController
class MemberEntryController {

    private final MemberEntry entry;
    private final MembershipStore memberships;
    private final MemberScope scope;

    MemberEntryController(MemberEntry entry, MembershipStore memberships, MemberScope scope) {
        this.entry = entry;
        this.memberships = memberships;
        this.scope = scope;
    }

    /** 录入团员 into a branch in the caller's subtree. */
    @Operation(summary = "录入团员 (R-MEM-1, R-MEM-3, R-MEM-4, R-MEM-5)")
    @PostMapping("/api/members/orgs/{branchId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    Entered enterMember(JwtAuthenticationToken token, @PathVariable long branchId, @Valid @RequestBody NewPerson person) {
        return Entered.of(entry.enterMember(Caller.of(token).idNumber(), branchId, person));
    }

    /** 录入本级团干部: a cadre with a post in the org. */
    @Operation(summary = "录入本级团干部 (R-MEM-2)")
    @PostMapping("/api/members/orgs/{orgId}/cadres")
    @ResponseStatus(HttpStatus.CREATED)
    Entered enterCadre(JwtAuthenticationToken token, @PathVariable long orgId, @Valid @RequestBody NewPerson person) {
        return Entered.of(entry.enterCadre(Caller.of(token).idNumber(), orgId, person));
    }

    /** The org's members and cadres, page by page: pass the last ID number seen as {@code after}. */
    @Operation(summary = "本组织团员、团干部列表 (R-SCOPE-1)")
    @GetMapping("/api/members/orgs/{orgId}/people")
    PeoplePage people(JwtAuthenticationToken token, @PathVariable long orgId,
                      @RequestParam(defaultValue = "") String after,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        scope.requireOrgInScope(Caller.of(token).idNumber(), orgId);
        List<OrgPerson> page = memberships.people(orgId, after, size);
        return new PeoplePage(page, page.size() == size ? page.getLast().idNumber() : null);
    }

    record Entered(String idNumber, String name) {
        static Entered of(Person person) {
            return new Entered(person.idNumber(), person.name());
        }
    }

    record PeoplePage(List<OrgPerson> items, String nextAfter) {
    }
}
