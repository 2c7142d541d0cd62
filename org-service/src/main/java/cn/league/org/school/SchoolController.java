package cn.league.org.school;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.league.org.tree.OrgView;
import cn.league.support.security.Caller;

@Tag(name = "学校与毕业", description = "学校机构编号，团支部毕业时间标记，毕业生团组织转换 (R-ORG-8, R-GRAD-1 至 R-GRAD-3)")
@RestController
@RequestMapping("/api/orgs")
class SchoolController {

    private final SchoolCodes schoolCodes;
    private final GraduationMarks marks;
    private final GraduationConversion conversion;
    private final SchoolOptions options;

    SchoolController(SchoolCodes schoolCodes, GraduationMarks marks, GraduationConversion conversion,
                     SchoolOptions options) {
        this.schoolCodes = schoolCodes;
        this.marks = marks;
        this.conversion = conversion;
        this.options = options;
    }

    /** What the caller may do about the org's school details; the acts below refuse by the same rules. */
    @Operation(summary = "学校机构编号和毕业时间标记：我可做的操作 (R-ORG-8, R-GRAD-1)")
    @GetMapping("/{orgId}/school-options")
    SchoolOptions.Options options(JwtAuthenticationToken token, @PathVariable long orgId) {
        return options.of(idNumber(token), orgId);
    }

    /** 完善学校机构编号 (R-ORG-8). */
    @Operation(summary = "完善学校机构编号 (R-ORG-8)")
    @PutMapping("/{orgId}/school-code")
    OrgView setSchoolCode(JwtAuthenticationToken token, @PathVariable long orgId,
                          @Valid @RequestBody SchoolCodeRequest request) {
        return OrgView.of(schoolCodes.save(idNumber(token), orgId, request.schoolCode()));
    }

    /** 清空编号 (R-ORG-8). */
    @Operation(summary = "清空学校机构编号 (R-ORG-8)")
    @DeleteMapping("/{orgId}/school-code")
    OrgView clearSchoolCode(JwtAuthenticationToken token, @PathVariable long orgId) {
        return OrgView.of(schoolCodes.save(idNumber(token), orgId, null));
    }

    /** 标记团支部毕业时间 for one branch; a null year clears the mark (R-GRAD-1, R-GRAD-2). */
    @Operation(summary = "标记团支部毕业时间 (R-GRAD-1, R-GRAD-2)")
    @PutMapping("/{branchId}/graduation-year")
    OrgView markOne(JwtAuthenticationToken token, @PathVariable long branchId,
                    @RequestBody GraduationYearRequest request) {
        return OrgView.of(marks.mark(idNumber(token), List.of(branchId), request.graduationYear()).getFirst());
    }

    /** The same for several branches at once, all or none. */
    @Operation(summary = "批量标记团支部毕业时间 (R-GRAD-1, R-GRAD-2)")
    @PostMapping("/graduation-marks")
    List<OrgView> markMany(JwtAuthenticationToken token, @Valid @RequestBody GraduationMarksRequest request) {
        return marks.mark(idNumber(token), request.branchIds(), request.graduationYear()).stream()
                .map(OrgView::of).toList();
    }

    /** Runs the yearly conversion for a year now; 团中央's admins only (R-GRAD-3). */
    @Operation(summary = "执行年度毕业转换 (R-GRAD-3)")
    @PostMapping("/graduation-conversions")
    ConversionResult convert(JwtAuthenticationToken token, @Valid @RequestBody ConversionRequest request) {
        return new ConversionResult(request.year(), conversion.convertAs(idNumber(token), request.year()));
    }

    private static String idNumber(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    record SchoolCodeRequest(@NotNull String schoolCode) {
    }

    record GraduationYearRequest(Integer graduationYear) {
    }

    record GraduationMarksRequest(@NotEmpty @Size(max = 500) List<@NotNull Long> branchIds, Integer graduationYear) {
    }

    record ConversionRequest(@NotNull @Min(2000) @Max(2200) Integer year) {
    }

    record ConversionResult(int year, int converted) {
    }
}
