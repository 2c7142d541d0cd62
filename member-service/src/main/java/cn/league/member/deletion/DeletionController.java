package cn.league.member.deletion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.member.deletion.PersonDeletion.Deleted;
import cn.league.support.security.Caller;

@Tag(name = "删除成员", description = "删除团员或团干部，须填写原因 (R-MEM-8)")
@RestController
class DeletionController {

    private final PersonDeletion deletion;

    DeletionController(PersonDeletion deletion) {
        this.deletion = deletion;
    }

    /** 删除成员, by a leading body's admin, with a reason (R-MEM-8). */
    @Operation(summary = "删除成员（须填写原因） (R-MEM-8)")
    @PostMapping("/api/members/people/{idNumber}/deletion")
    Deleted delete(JwtAuthenticationToken token, @PathVariable String idNumber, @RequestBody Reason reason) {
        return deletion.delete(Caller.of(token).idNumber(), idNumber, reason.reason());
    }

    record Reason(String reason) {
    }
}
