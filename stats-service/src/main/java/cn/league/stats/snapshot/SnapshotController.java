package cn.league.stats.snapshot;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.league.stats.projection.Rebuild;
import cn.league.stats.projection.Recompute;
import cn.league.stats.scope.StatsScope;
import cn.league.support.security.Caller;

/**
 * Operations on the whole country's figures, for admins of 团中央 only: repair the projection by a full recompute
 * (from the stored person facts) or a rebuild (from member-service's topic, replayed from its start), and take a
 * snapshot now (as of this second) instead of waiting for the hour.
 */
@Tag(name = "统计运维", description = "整点统计的生成、重新计算与重建 (R-STAT-5)")
@RestController
class SnapshotController {

    private final StatsScope scope;
    private final Snapshots snapshots;
    private final Recompute recompute;
    private final Rebuild rebuild;
    private final Clock clock;

    SnapshotController(StatsScope scope, Snapshots snapshots, Recompute recompute, Rebuild rebuild,
                       ObjectProvider<Clock> clock) {
        this.scope = scope;
        this.snapshots = snapshots;
        this.recompute = recompute;
        this.rebuild = rebuild;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "运维：立即生成整点统计 (R-STAT-5)")
    @PostMapping("/api/stats/snapshots")
    Map<String, Object> snapshot(JwtAuthenticationToken token) {
        scope.requireNational(Caller.of(token).idNumber());
        var asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return Map.of("asOf", asOf, "taken", snapshots.take(asOf));
    }

    @Operation(summary = "运维：重新计算统计 (R-STAT-1, R-STAT-5)")
    @PostMapping("/api/stats/recompute")
    Map<String, Object> recompute(JwtAuthenticationToken token) {
        scope.requireNational(Caller.of(token).idNumber());
        return Map.of("orgsWithFigures", recompute.run());
    }

    /** Replays member-service's topic from its start into new tables that replace the projection's. */
    @Operation(summary = "运维：重放团员事件重建统计 (R-STAT-5)")
    @PostMapping("/api/stats/rebuild")
    Map<String, Object> rebuild(JwtAuthenticationToken token) {
        scope.requireNational(Caller.of(token).idNumber());
        Rebuild.Result result = rebuild.run();
        return result == null ? Map.of("rebuilt", false) : Map.of("rebuilt", true, "eventsApplied",
                result.eventsApplied(), "people", result.people(), "orgsWithFigures", result.orgsWithFigures());
    }
}
