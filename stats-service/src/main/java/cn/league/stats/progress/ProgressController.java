package cn.league.stats.progress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.org.OrgDomain;
import cn.league.stats.progress.EntryProgress.Table;
import cn.league.support.security.Caller;

/**
 * 录入进度 (R-STAT-2): the table of an org's direct children, as JSON page by page or as a workbook; the schools below
 * (R-STAT-4); the 2017 baseline.
 */
@Tag(name = "统计", description = "录入进度及其变化，2017 年团统数量 (R-STAT-2, R-STAT-4)")
@RestController
class ProgressController {

    private final EntryProgress progress;
    private final Baselines baselines;

    ProgressController(EntryProgress progress, Baselines baselines) {
        this.progress = progress;
        this.baselines = baselines;
    }

    /** The 2017 团统 counts, a CSV text of {@code 组织编号,2017年团统数量} lines (national admins only). */
    @Operation(summary = "载入 2017 年团统数量（团中央） (R-STAT-2)")
    @PostMapping("/api/stats/baseline")
    Map<String, Integer> baseline(JwtAuthenticationToken token, @RequestBody String csv) {
        return Map.of("loaded", baselines.load(Caller.of(token).idNumber(), csv));
    }

    /** {@code orgId} defaults to the active org (R-ADM-8); {@code domain} is one of {@link OrgDomain}, or all. */
    @Operation(summary = "各直属下级录入进度 (R-STAT-2, R-STAT-5)")
    @GetMapping("/api/stats/progress")
    Table progress(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId,
                   @RequestParam(required = false) OrgDomain domain, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size) {
        return progress.children(Caller.of(token).idNumber(), orgId, domain, page, size);
    }

    /**
     * The org's line at each snapshot kept between {@code from} and {@code to} (ISO instants; default the last 30
     * days), oldest first: how entry went on over time.
     */
    @Operation(summary = "录入进度变化 (R-STAT-2, R-STAT-5)")
    @GetMapping("/api/stats/progress/trend")
    EntryProgress.Trend trend(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId,
                              @RequestParam(required = false) OrgDomain domain,
                              @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to) {
        return progress.trend(Caller.of(token).idNumber(), orgId, domain, from, to);
    }

    /** R-STAT-4: the schools at or below the org with their entry progress. */
    @Operation(summary = "学校录入进度 (R-STAT-4)")
    @GetMapping("/api/stats/schools")
    EntryProgress.Schools schools(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return progress.schools(Caller.of(token).idNumber(), orgId, page, size);
    }

    @Operation(summary = "下载录入进度表 (R-STAT-2)")
    @GetMapping("/api/stats/progress.xlsx")
    ResponseEntity<byte[]> download(JwtAuthenticationToken token, @RequestParam(required = false) Long orgId,
                                    @RequestParam(required = false) OrgDomain domain) {
        Table table = progress.all(Caller.of(token).idNumber(), orgId, domain);
        String name = URLEncoder.encode("录入情况-" + table.asOf().label().replace(' ', '-').replace(":", "") + ".xlsx",
                StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ProgressSheet.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
                .body(ProgressSheet.of(table));
    }
}
