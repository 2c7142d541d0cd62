package cn.league.member.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.member.search.MemberSearch.Archive;
import cn.league.member.search.MemberSearch.HitPage;
import cn.league.support.problem.ProblemException;
import cn.league.support.security.Caller;

/** 全局搜索 of people (R-SRCH-1): give either {@code idNumber} or {@code name}; page with {@code after}. */
@RestController
class MemberSearchController {

    private final MemberSearch search;

    MemberSearchController(MemberSearch search) {
        this.search = search;
    }

    @GetMapping("/api/members/search")
    HitPage search(JwtAuthenticationToken token,
                   @RequestParam(required = false) String idNumber,
                   @RequestParam(required = false) String name,
                   @RequestParam(required = false) String province,
                   @RequestParam(required = false) Long orgId,
                   @RequestParam(required = false) String after,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String caller = Caller.of(token).idNumber();
        boolean byId = idNumber != null && !idNumber.isBlank();
        boolean byName = name != null && !name.isBlank();
        if (byId == byName) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "SEARCH_TERM_REQUIRED", "R-SRCH-1",
                    "请输入身份证号码或姓名");
        }
        return byId ? search.byIdNumber(caller, idNumber, orgId, province)
                : search.byName(caller, name, orgId, province, after, size);
    }

    /** A member's 电子档案 by their 发展团员编号. */
    @GetMapping("/api/members/archive")
    Archive archive(JwtAuthenticationToken token, @RequestParam String developmentNumber) {
        return search.archive(Caller.of(token).idNumber(), developmentNumber);
    }
}
