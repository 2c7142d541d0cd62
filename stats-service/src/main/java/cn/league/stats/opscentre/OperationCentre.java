package cn.league.stats.opscentre;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.league.stats.opscentre.OpsStore.Item;
import cn.league.stats.scope.StatsScope;

/**
 * 操作中心 (R-OPS-1, FAQ 40): what waits for an org's admins — counts for the badge, and lists searchable by time
 * and type, overdue and nearest deadlines first — and its system messages. The org is the caller's active org or
 * one in their subtree (R-SCOPE-1, R-ADM-8).
 */
@Service
public class OperationCentre {

    static final int MAX_PAGE = 200;
    /** The badge counts the messages of the last 30 days. */
    static final Duration RECENT = Duration.ofDays(30);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final StatsScope scope;
    private final OpsStore store;
    private final Clock clock;

    OperationCentre(StatsScope scope, OpsStore store, ObjectProvider<Clock> clock) {
        this.scope = scope;
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public record Counts(long orgId, Map<PendingKind, Long> waiting, Map<PendingKind, Long> overdue,
                         long recentMessages) {
    }

    /**
     * An item as the list shows it: days left before it ends by itself (R-TR-5, R-AUTH-4), overdue or not. What it
     * is about: {@code refId} (a registration, transfer or migration) or {@code refKey} (an import job's id, a
     * person's ID number; {@code refId} is 0 then).
     */
    public record WaitingItem(PendingKind kind, long refId, String refKey, long orgId, String subject, String detail,
                              Instant waitingSince, Instant dueAt, Long daysLeft, boolean overdue) {
    }

    public record Page<T>(List<T> items, int page, int size) {
    }

    public Counts counts(String caller, Long orgId) {
        long org = scope.require(caller, orgId).id();
        Instant now = clock.instant();
        Map<PendingKind, long[]> counts = store.counts(org, now);
        Map<PendingKind, Long> waiting = new java.util.EnumMap<>(PendingKind.class);
        Map<PendingKind, Long> overdue = new java.util.EnumMap<>(PendingKind.class);
        counts.forEach((kind, values) -> {
            waiting.put(kind, values[0]);
            overdue.put(kind, values[1]);
        });
        return new Counts(org, waiting, overdue, store.countMessages(org, now.minus(RECENT)));
    }

    public Page<WaitingItem> items(String caller, Long orgId, PendingKind kind, Instant from, Instant to, int page,
                                   int size) {
        long org = scope.require(caller, orgId).id();
        int pageSize = Math.clamp(size, 1, MAX_PAGE);
        int pageNumber = Math.max(page, 0);
        Instant now = clock.instant();
        List<WaitingItem> items = store.items(org, kind, from == null ? EARLIEST : from, to == null ? LATEST : to,
                now, pageNumber * pageSize, pageSize).stream().map(item -> shown(item, now)).toList();
        return new Page<>(items, pageNumber, pageSize);
    }

    public Page<Message> messages(String caller, Long orgId, MessageKind kind, Instant from, Instant to, int page,
                                  int size) {
        long org = scope.require(caller, orgId).id();
        int pageSize = Math.clamp(size, 1, MAX_PAGE);
        int pageNumber = Math.max(page, 0);
        return new Page<>(store.messages(org, kind, from == null ? EARLIEST : from, to == null ? LATEST : to,
                pageNumber * pageSize, pageSize), pageNumber, pageSize);
    }

    static WaitingItem shown(Item item, Instant now) {
        Long daysLeft = null;
        boolean overdue = false;
        if (item.dueAt() != null) {
            Duration left = Duration.between(now, item.dueAt());
            overdue = !left.isPositive();
            daysLeft = overdue ? 0 : (left.toSeconds() + 86_399) / 86_400;
        }
        return new WaitingItem(item.kind(), item.refId(), item.refKey().isEmpty() ? null : item.refKey(),
                item.orgId(), item.subject(), item.detail(),
                item.waitingSince(), item.dueAt(), daysLeft, overdue);
    }
}
