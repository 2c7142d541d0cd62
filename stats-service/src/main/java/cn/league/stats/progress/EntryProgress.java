package cn.league.stats.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.orgreplica.OrgTree;
import cn.league.stats.scope.StatsScope;
import cn.league.stats.snapshot.SnapshotStore;
import cn.league.stats.snapshot.SnapshotStore.Snapshot;
import cn.league.support.problem.ProblemException;

/**
 * 录入进度 (R-STAT-2, FAQ 38): for an org in the caller's subtree (R-SCOPE-1), its direct children's figures as of
 * the last snapshot (R-STAT-5), optionally of one domain (分领域). Names are the orgs' current ones.
 * <b>Decision</b>: the 2017 团统 count is one number per org over all domains, so its ratio is given only when no
 * domain is chosen.
 */
@Service
public class EntryProgress {

    static final int MAX_PAGE = 200;
    /** A trend's default span, back from {@code to}. */
    static final Duration TREND_SPAN = Duration.ofDays(30);
    /** At most this many points a trend: a year of daily snapshots and the hourly ones kept beside them. */
    static final int MAX_POINTS = 2_000;

    private final StatsScope scope;
    private final SnapshotStore snapshots;
    private final ProgressStore store;
    private final OrgTree tree;
    private final Clock clock;

    EntryProgress(StatsScope scope, SnapshotStore snapshots, ProgressStore store, OrgTree tree,
                  ObjectProvider<Clock> clock) {
        this.scope = scope;
        this.snapshots = snapshots;
        this.store = store;
        this.tree = tree;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A page of the table: the org's own line (its whole subtree) and its children's. */
    public record Table(AsOf asOf, OrgDomain domain, ProgressRow org, List<ProgressRow> children, int page, int size,
                        long totalChildren) {
    }

    @Transactional(readOnly = true)
    public Table children(String caller, Long orgId, OrgDomain domain, int page, int size) {
        OrgSnapshot org = scope.require(caller, orgId);
        Snapshot snapshot = latest();
        int pageSize = Math.clamp(size, 1, MAX_PAGE);
        int pageNumber = Math.max(page, 0);
        Map<Long, Figures> children = store.children(snapshot.id(), org.id(), domain, pageNumber * pageSize,
                pageSize);
        return new Table(AsOf.of(snapshot.asOf()), domain, row(org, store.ofOrg(snapshot.id(), org.id(), domain),
                domain), rows(children, domain), pageNumber, pageSize, store.countChildren(snapshot.id(), org.id()));
    }

    /** Every child at once, for the spreadsheet (a county has at most some thousands of direct children). */
    @Transactional(readOnly = true)
    public Table all(String caller, Long orgId, OrgDomain domain) {
        OrgSnapshot org = scope.require(caller, orgId);
        Snapshot snapshot = latest();
        Map<Long, Figures> children = store.children(snapshot.id(), org.id(), domain, 0, Integer.MAX_VALUE);
        return new Table(AsOf.of(snapshot.asOf()), domain, row(org, store.ofOrg(snapshot.id(), org.id(), domain),
                domain), rows(children, domain), 0, children.size(), children.size());
    }

    /** The org's line as of one snapshot. */
    public record TrendPoint(AsOf asOf, ProgressRow line) {
    }

    public record Trend(long orgId, String fullName, OrgDomain domain, Instant from, Instant to,
                        List<TrendPoint> points) {
    }

    /**
     * 录入进度 over time (R-STAT-2, R-STAT-5): the org's own line (its whole subtree) at each snapshot kept in
     * [{@code from}, {@code to}) — the hourly ones of the last days and one a day before — oldest first. {@code to}
     * defaults to now, {@code from} to 30 days before it.
     */
    @Transactional(readOnly = true)
    public Trend trend(String caller, Long orgId, OrgDomain domain, Instant from, Instant to) {
        OrgSnapshot org = scope.require(caller, orgId);
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(TREND_SPAN) : from;
        if (!start.isBefore(end)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "TREND_PERIOD_INVALID", "R-STAT-2",
                    "起始时间须早于结束时间");
        }
        Long baseline = store.baselines(List.of(org.id())).get(org.id());
        List<TrendPoint> points = store.trend(org.id(), domain, start, end, MAX_POINTS).stream()
                .map(point -> new TrendPoint(AsOf.of(point.asOf()), ProgressRow.of(org.id(), org.fullName(),
                        org.type().name(), point.figures(), baseline, domain != null)))
                .toList();
        return new Trend(org.id(), org.fullName(), domain, start, end, points);
    }

    /** A school's line (R-STAT-4): its level (高校, 中职, …) and its progress in the school domain. */
    public record SchoolLine(String schoolLevel, ProgressRow progress) {
    }

    public record Schools(AsOf asOf, List<SchoolLine> schools, int page, int size) {
    }

    /** 学校团组织录入进度 (R-STAT-4, FAQ 47): the schools at or below the org, page by page. */
    @Transactional(readOnly = true)
    public Schools schools(String caller, Long orgId, int page, int size) {
        OrgSnapshot org = scope.require(caller, orgId);
        Snapshot snapshot = latest();
        int pageSize = Math.clamp(size, 1, MAX_PAGE);
        int pageNumber = Math.max(page, 0);
        List<ProgressStore.School> schools = store.schools(snapshot.id(), org.path(), pageNumber * pageSize,
                pageSize);
        Map<Long, Long> baselines = store.baselines(schools.stream().map(ProgressStore.School::orgId).toList());
        return new Schools(AsOf.of(snapshot.asOf()), schools.stream()
                .map(school -> new SchoolLine(school.schoolLevel(), ProgressRow.of(school.orgId(), school.fullName(),
                        school.type(), school.figures(), baselines.get(school.orgId()), true)))
                .toList(), pageNumber, pageSize);
    }

    private List<ProgressRow> rows(Map<Long, Figures> children, OrgDomain domain) {
        Map<Long, OrgSnapshot> orgs = tree.findAll(children.keySet());
        Map<Long, Long> baselines = store.baselines(List.copyOf(children.keySet()));
        List<ProgressRow> rows = new ArrayList<>(children.size());
        children.forEach((childId, figures) -> {
            OrgSnapshot child = orgs.get(childId);
            rows.add(ProgressRow.of(childId, child == null ? null : child.fullName(),
                    child == null ? null : child.type().name(), figures, baselines.get(childId), domain != null));
        });
        return rows;
    }

    private ProgressRow row(OrgSnapshot org, Figures figures, OrgDomain domain) {
        Long baseline = store.baselines(List.of(org.id())).get(org.id());
        return ProgressRow.of(org.id(), org.fullName(), org.type().name(), figures, baseline, domain != null);
    }

    private Snapshot latest() {
        return snapshots.latest().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "STATISTICS_NOT_READY", "R-STAT-5", "统计数据每小时(整点)更新一次,请稍后查看"));
    }
}
