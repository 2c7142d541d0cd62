package cn.league.member.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "人员查询", description = "按身份证号码、姓名或发展团员编号查找本辖区的人 (R-SRCH-1)")
@RestController
class MemberSearchController {

    private final MemberSearch search;

    MemberSearchController(MemberSearch search) {
        this.search = search;
    }

    @Operation(summary = "全局搜索：按身份证号码或姓名查找本辖区的人 (R-SRCH-1)", description = """
            Exactly one of `idNumber` (the whole number, any letter case of X) or `name` (whole or the start of \
            it; narrow by `orgId` or `province`, the two-digit GB/T 2260 code). Only people inside the caller's \
            subtree are found (R-SCOPE-1); someone elsewhere is simply not there (R-AUTH-5).

            ID numbers in the results are shown in full, by `idNumber` and by `name` alike: whoever finds a person \
            has them in their own subtree, where the member lists and profiles show the same number (R-SRCH-1, \
            see docs/rules.md). Nobody outside the subtree is found.""")
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
    @Operation(summary = "按发展团员编号查看电子档案 (R-SRCH-1)", description = """
            The member's profile, membership and posts inside the caller's subtree, with the ID number in full \
            (R-SRCH-1: whoever finds the member has them in their subtree).""")
    @GetMapping("/api/members/archive")
    Archive archive(JwtAuthenticationToken token, @RequestParam String developmentNumber) {
        return search.archive(Caller.of(token).idNumber(), developmentNumber);
    }
}
