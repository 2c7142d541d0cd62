package cn.league.transfer.graduate;

import java.time.Instant;
import java.time.ZoneId;

/**
 * R-TR-11 (FAQ 63): a 流动团支部 moves a member out within one month after they found work. Counted in calendar
 * months of Beijing time from the day the job was reported.
 */
public final class FloatingBranchDeadline {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private FloatingBranchDeadline() {
    }

    /** What the admin is shown as the last day to move the member out. */
    public static Instant dueBy(Instant jobReportedAt) {
        return jobReportedAt.atZone(BEIJING).plusMonths(1).toInstant();
    }

    /** More than a month passed since the job was reported; the one definition the list's SQL uses as well. */
    public static boolean overdue(Instant jobReportedAt, Instant now) {
        return jobReportedAt.isBefore(reportedBefore(now));
    }

    /** Jobs reported before this instant are overdue by {@code now}. */
    public static Instant reportedBefore(Instant now) {
        return now.atZone(BEIJING).minusMonths(1).toInstant();
    }
}
