package cn.league.stats.snapshot;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.league.stats.projection.Recompute;
import cn.league.stats.scope.StatsScope;
import cn.league.support.security.Caller;

/**
 * Operations on the whole country's figures, for admins of 团中央 only: repair the projection by a full recompute,
 * and take a snapshot now (as of this second) instead of waiting for the hour.
 */
@RestController
class SnapshotController {

    private final StatsScope scope;
    private final Snapshots snapshots;
    private final Recompute recompute;
    private final Clock clock;

    SnapshotController(StatsScope scope, Snapshots snapshots, Recompute recompute, ObjectProvider<Clock> clock) {
        this.scope = scope;
        this.snapshots = snapshots;
        this.recompute = recompute;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping("/api/stats/snapshots")
    Map<String, Object> snapshot(JwtAuthenticationToken token) {
        scope.requireNational(Caller.of(token).idNumber());
        var asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return Map.of("asOf", asOf, "taken", snapshots.take(asOf));
    }

    @PostMapping("/api/stats/recompute")
    Map<String, Object> recompute(JwtAuthenticationToken token) {
        scope.requireNational(Caller.of(token).idNumber());
        return Map.of("orgsWithFigures", recompute.run());
    }
}
